/**
 * A small trust for the review tests (tests/integration/review-*.test.ts): Surgery with Ophthalmology (130) and
 * Urology (101), three consultants each, every one planned a Monday AM clinic from 2026-01-05. The extracts cover
 * 1 January to 31 March 2026 (a clinic on the New Year bank holiday and one on Tuesday 31 March), so January,
 * February and March are complete months. Delivery, written out per consultant:
 * - 6100001: every Monday, and an extra clinic every Tuesday (and on 1 January): total delivery about 200%;
 * - 6100002: every Monday in January and February, 2 of the 5 in March;
 * - 6100003: one Monday a month (fulfilment 25%, 25%, 20%);
 * - Urology: every Monday (6200001's clinic planned for 25 patients; every clinic sees 10).
 */
import { resolveUserScope } from '@/lib/server/auth/scope';
import type { ReviewActor } from '@/lib/server/reviews/actor';
import type { Role } from '@/lib/shared/permissions';
import {
  clinic,
  consultant,
  createOrganisation,
  importRows,
  planLine,
  UROLOGY,
} from '../helpers/ledger-scenario';
import { signedInUser, type TestUser } from '../helpers/session';
import type { TestDatabase } from '../helpers/test-database';

export const OPHTHALMOLOGY_GMCS = ['6100001', '6100002', '6100003'] as const;
export const UROLOGY_GMCS = ['6200001', '6200002', '6200003'] as const;
export const REVIEW_PERIOD = { from: '2026-01-01', to: '2026-03-31' } as const;

/** The Mondays (or Tuesdays) from `from` to `to`. */
export function weekdays(from: string, to: string, isoDay: 1 | 2): string[] {
  const days: string[] = [];
  for (
    let time = Date.parse(`${from}T00:00:00Z`);
    time <= Date.parse(`${to}T00:00:00Z`);
    time += 86_400_000
  ) {
    if (new Date(time).getUTCDay() === isoDay) days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

const MONDAYS = weekdays('2026-01-05', '2026-03-31', 1);

/** Which Mondays each consultant held a clinic on (the rest have no record: not scheduled). */
export function heldMondays(gmc: string): string[] {
  switch (gmc) {
    case '6100002':
      return MONDAYS.filter((date) => date < '2026-03-01' || date === '2026-03-02' || date === '2026-03-09');
    case '6100003':
      return ['2026-01-12', '2026-02-09', '2026-03-09'];
    default:
      return MONDAYS;
  }
}

/** The clinic extract: each consultant's held Mondays, plus 6100001's extra clinics. */
export function clinicRows(held: (gmc: string) => string[] = heldMondays) {
  const gmcs = [...OPHTHALMOLOGY_GMCS, ...UROLOGY_GMCS];
  return [
    ...gmcs.flatMap((gmc) =>
      held(gmc).map((date) => clinic(`S-${gmc}-${date}`, gmc, date, 'AM', { attended: 10 })),
    ),
    ...['2026-01-01', ...weekdays('2026-01-01', '2026-03-31', 2)].map((date) =>
      clinic(`X-6100001-${date}`, '6100001', date, 'PM', { attended: 8 }),
    ),
  ];
}

export type ScenarioGmc = (typeof OPHTHALMOLOGY_GMCS)[number] | (typeof UROLOGY_GMCS)[number];

export interface ReviewScenario {
  org: number;
  consultants: Record<ScenarioGmc, number>;
  specialties: { ophthalmology: number; urology: number };
  division: number;
}

export async function buildReviewScenario(db: TestDatabase, code: string): Promise<ReviewScenario> {
  const org = await createOrganisation(db, code);
  await importRows(db, org, 'consultants', [
    ...OPHTHALMOLOGY_GMCS.map((gmc) => consultant(gmc)),
    ...UROLOGY_GMCS.map((gmc) => consultant(gmc, UROLOGY)),
  ]);
  await importRows(
    db,
    org,
    'job-plans',
    [...OPHTHALMOLOGY_GMCS, ...UROLOGY_GMCS].map((gmc) => ({
      ...planLine({ gmc, id: `JP-${gmc}`, from: '2026-01-05' }, { day: 'Mon', period: 'AM' }),
      // 6200001's clinic is planned for 25 patients; every clinic sees 10.
      ...(gmc === '6200001' ? { expected_output: 25 } : {}),
    })),
  );
  await importRows(db, org, 'clinic-sessions', clinicRows());
  const rows = await db.prisma.consultant.findMany({ where: { organisationId: org } });
  const specialties = await db.prisma.specialty.findMany({ where: { organisationId: org } });
  const division = await db.prisma.division.findFirstOrThrow({ where: { organisationId: org } });
  const specialty = (specialtyCode: string) =>
    specialties.find((row) => row.code === specialtyCode)?.id as number;
  return {
    org,
    consultants: Object.fromEntries(rows.map((row) => [row.gmcNumber, row.id])) as Record<
      ScenarioGmc,
      number
    >,
    specialties: { ophthalmology: specialty('130'), urology: specialty('101') },
    division: division.id,
  };
}

/** A signed-in user with one role, and the actor the review library takes for them. */
export async function personWith(
  db: TestDatabase,
  org: number,
  role: Role,
  target: { divisionId?: number; specialtyId?: number; consultantId?: number } = {},
): Promise<TestUser & { actor: ReviewActor }> {
  const user = await signedInUser(db, org, role, target);
  const scope = await resolveUserScope(db, org, user.userId);
  return { ...user, actor: { organisationId: org, scope, userId: user.userId } };
}
