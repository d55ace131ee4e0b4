import type { ImportKindSlug } from '@/lib/shared/import-formats';
import { clinicAppointments } from './clinic-appointments';
import { clinicSessions } from './clinic-sessions';
import { consultants } from './consultants';
import { jobPlans } from './job-plans';
import type { ImportKindHandler } from './kind';
import { leave } from './leave';
import { theatreLists } from './theatre-lists';

export const IMPORT_KIND_HANDLERS: Record<ImportKindSlug, ImportKindHandler> = {
  consultants,
  'job-plans': jobPlans,
  'clinic-sessions': clinicSessions,
  'clinic-appointments': clinicAppointments,
  'theatre-lists': theatreLists,
  leave,
};
