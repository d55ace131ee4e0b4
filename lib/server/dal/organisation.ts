import { cache } from 'react';
import type { Scope } from '@/lib/shared/scope';
import { getPrisma } from '../db';

export interface OrganisationSummary {
  id: number;
  code: string;
  name: string;
}

/**
 * The organisation this deployment serves. Fulfil runs one trust per deployment for now; the data model is
 * multi-tenant so that a region can host several.
 */
export const getCurrentOrganisation = cache(async (): Promise<OrganisationSummary | null> => {
  // The header and the page both ask within one request; React's cache() makes it one query.
  const prisma = await getPrisma();
  return prisma.organisation.findFirst({
    select: { id: true, code: true, name: true },
    orderBy: { id: 'asc' },
  });
});

export interface SourceCoverage {
  source: 'consultants' | 'job_plans' | 'clinic_sessions' | 'clinic_appointments' | 'theatre_lists' | 'leave';
  label: string;
  rows: number;
  /** First and last activity date (ISO yyyy-mm-dd), or null when the source has no dated rows. */
  from: string | null;
  to: string | null;
  /** When the latest import of the source that took its data in finished (ISO instant), or null if none has. */
  lastImportedAt: string | null;
}

/**
 * Row counts, date range and latest import per source, for the data-freshness panel. Clinic appointments are
 * listed only for a trust that sends them (their PAS extract is at appointment grain): others never will.
 */
export async function getDataCoverage(scope: Scope): Promise<SourceCoverage[]> {
  const prisma = await getPrisma();
  const org = scope.organisationId;
  // An import "took the data in" when it committed, or found the data already as the file has it (unchanged).
  const rows = await prisma.$queryRaw<
    {
      source: SourceCoverage['source'];
      rows: number;
      from: string | null;
      to: string | null;
      last_imported_at: Date | null;
    }[]
  >`
    WITH sources AS (
      SELECT 'consultants' AS source, count(*)::int AS rows, NULL::text AS "from", NULL::text AS "to"
        FROM consultants WHERE organisation_id = ${org}
      UNION ALL
      SELECT 'job_plans', count(*)::int, min(effective_from)::text, max(coalesce(effective_to, effective_from))::text
        FROM job_plans WHERE organisation_id = ${org}
      UNION ALL
      SELECT 'clinic_sessions', count(*)::int, min(session_date)::text, max(session_date)::text
        FROM clinic_sessions WHERE organisation_id = ${org}
      UNION ALL
      SELECT 'clinic_appointments', count(*)::int, min(session_date)::text, max(session_date)::text
        FROM clinic_appointments WHERE organisation_id = ${org}
      UNION ALL
      SELECT 'theatre_lists', count(*)::int, min(list_date)::text, max(list_date)::text
        FROM theatre_lists WHERE organisation_id = ${org}
      UNION ALL
      SELECT 'leave', count(*)::int, min(start_date)::text, max(end_date)::text
        FROM leave WHERE organisation_id = ${org}
    ),
    imported AS (
      SELECT kind::text AS source, max(finished_at) AS last_imported_at
        FROM import_batches
       WHERE organisation_id = ${org} AND status IN ('committed', 'unchanged') AND finished_at IS NOT NULL
       GROUP BY kind
    )
    SELECT s.*, i.last_imported_at FROM sources s LEFT JOIN imported i USING (source)`;
  return rows
    .filter((row) => row.source !== 'clinic_appointments' || row.rows > 0 || row.last_imported_at !== null)
    .map(({ last_imported_at, ...row }) => ({
      ...row,
      label: SOURCE_LABELS[row.source],
      lastImportedAt: last_imported_at ? new Date(last_imported_at).toISOString() : null,
    }));
}

const SOURCE_LABELS: Record<SourceCoverage['source'], string> = {
  consultants: 'Consultants',
  job_plans: 'Job plans',
  clinic_sessions: 'Clinic sessions',
  clinic_appointments: 'Clinic appointments',
  theatre_lists: 'Theatre and endoscopy lists',
  leave: 'Leave',
};

export interface SpecialtyRow {
  code: string;
  name: string;
  divisionCode: string;
  divisionName: string;
  consultantCount: number;
}

/** Specialties whose totals the caller may see, with their division and number of consultants. */
export async function listSpecialties(scope: Scope): Promise<SpecialtyRow[]> {
  const prisma = await getPrisma();
  const specialties = await prisma.specialty.findMany({
    where: {
      organisationId: scope.organisationId,
      ...(scope.aggregates === 'all'
        ? {}
        : {
            OR: [
              { id: { in: [...scope.aggregates.specialtyIds] } },
              { divisionId: { in: [...scope.aggregates.divisionIds] } },
            ],
          }),
    },
    select: {
      code: true,
      name: true,
      division: { select: { code: true, name: true } },
      _count: { select: { consultants: true } },
    },
    orderBy: [{ division: { name: 'asc' } }, { name: 'asc' }],
  });
  return specialties.map((specialty) => ({
    code: specialty.code,
    name: specialty.name,
    divisionCode: specialty.division.code,
    divisionName: specialty.division.name,
    consultantCount: specialty._count.consultants,
  }));
}
