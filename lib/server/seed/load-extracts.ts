import path from 'node:path';
import type { Prisma, PrismaClient } from '@/lib/server/generated/prisma/client';
import { type CsvRecord, readCsvBatches } from './read-csv';

/**
 * Loads a folder of CSV extracts (the import formats, as the demo generator writes them) straight into the
 * database, in one transaction. This is the stop-gap loader of the foundation issue: it trusts its input
 * (no validation, no column mapping, no import batches). The validated import pipeline (issue #3) replaces it
 * for real extracts.
 */
export interface LoadedCounts {
  divisions: number;
  specialties: number;
  consultants: number;
  jobPlans: number;
  jobPlanLines: number;
  clinicSessions: number;
  theatreLists: number;
  leave: number;
  /** Rows whose natural key repeated an earlier row in the file (kept once). */
  duplicateRowsSkipped: number;
}

type Tx = Prisma.TransactionClient;

export async function loadExtracts(
  prisma: PrismaClient,
  organisation: { code: string; name: string },
  dir: string,
): Promise<LoadedCounts> {
  return prisma.$transaction(
    async (tx) => {
      const org = await tx.organisation.create({
        data: { code: organisation.code, name: organisation.name, parameters: { create: {} } },
      });
      const counts: LoadedCounts = {
        divisions: 0,
        specialties: 0,
        consultants: 0,
        jobPlans: 0,
        jobPlanLines: 0,
        clinicSessions: 0,
        theatreLists: 0,
        leave: 0,
        duplicateRowsSkipped: 0,
      };
      await loadConsultants(tx, org.id, path.join(dir, 'consultants.csv'), counts);
      await loadJobPlans(tx, org.id, path.join(dir, 'job-plans.csv'), counts);
      for await (const batch of readCsvBatches(path.join(dir, 'clinic-sessions.csv'))) {
        const inserted = await insertClinicSessions(tx, org.id, batch);
        counts.clinicSessions += inserted;
        counts.duplicateRowsSkipped += batch.length - inserted;
      }
      for await (const batch of readCsvBatches(path.join(dir, 'theatre-lists.csv'))) {
        const inserted = await insertTheatreLists(tx, org.id, batch);
        counts.theatreLists += inserted;
        counts.duplicateRowsSkipped += batch.length - inserted;
      }
      for await (const batch of readCsvBatches(path.join(dir, 'leave.csv'))) {
        const inserted = await insertLeave(tx, org.id, batch);
        counts.leave += inserted;
        counts.duplicateRowsSkipped += batch.length - inserted;
      }
      return counts;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

async function loadConsultants(tx: Tx, organisationId: number, file: string, counts: LoadedCounts) {
  const rows: CsvRecord[] = [];
  for await (const batch of readCsvBatches(file)) rows.push(...batch);
  const divisions = uniqueBy(rows, (row) => row.division_code).map((row) => ({
    code: row.division_code,
    name: row.division_name,
  }));
  const specialties = uniqueBy(rows, (row) => row.specialty_code).map((row) => ({
    code: row.specialty_code,
    name: row.specialty_name,
    division_code: row.division_code,
  }));
  counts.divisions = await tx.$executeRaw`
    INSERT INTO divisions (organisation_id, code, name)
    SELECT ${organisationId}, r.code, r.name FROM jsonb_to_recordset(${JSON.stringify(divisions)}::jsonb) AS r(code text, name text)`;
  counts.specialties = await tx.$executeRaw`
    INSERT INTO specialties (organisation_id, code, name, division_id)
    SELECT ${organisationId}, r.code, r.name, d.id
    FROM jsonb_to_recordset(${JSON.stringify(specialties)}::jsonb) AS r(code text, name text, division_code text)
    JOIN divisions d ON d.organisation_id = ${organisationId} AND d.code = r.division_code`;
  counts.consultants = await tx.$executeRaw`
    INSERT INTO consultants (organisation_id, gmc_number, name, email, specialty_id, division_id,
                             contracted_pas, dcc_pas, spa_pas)
    SELECT ${organisationId}, r.gmc_number, r.name, NULLIF(r.email, ''), s.id, s.division_id,
           NULLIF(r.contracted_pas, '')::numeric, NULLIF(r.dcc_pas, '')::numeric, NULLIF(r.spa_pas, '')::numeric
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r(gmc_number text, name text, email text, specialty_code text, contracted_pas text, dcc_pas text, spa_pas text)
    JOIN specialties s ON s.organisation_id = ${organisationId} AND s.code = r.specialty_code
    ON CONFLICT (organisation_id, gmc_number) DO NOTHING`;
}

async function loadJobPlans(tx: Tx, organisationId: number, file: string, counts: LoadedCounts) {
  // Line numbers follow the order of a plan version's lines in the file (the third part of the natural key).
  const nextLineNumber = new Map<string, number>();
  for await (const batch of readCsvBatches(file)) {
    const lines = batch.map((row) => {
      const planKey = `${row.job_plan_id}\u0000${row.version}`;
      const lineNumber = (nextLineNumber.get(planKey) ?? 0) + 1;
      nextLineNumber.set(planKey, lineNumber);
      return { ...row, line_number: lineNumber };
    });
    const json = JSON.stringify(lines);
    counts.jobPlans += await tx.$executeRaw`
      INSERT INTO job_plans (organisation_id, source_job_plan_id, version, consultant_id, status, agreed_on,
                             effective_from, effective_to)
      SELECT DISTINCT ON (r.job_plan_id, r.version)
             ${organisationId}, r.job_plan_id, r.version::int, c.id, r.status::job_plan_status,
             NULLIF(r.agreed_on, '')::date, r.effective_from::date, NULLIF(r.effective_to, '')::date
      FROM jsonb_to_recordset(${json}::jsonb)
        AS r(job_plan_id text, version text, gmc_number text, status text, agreed_on text, effective_from text,
             effective_to text)
      JOIN consultants c ON c.organisation_id = ${organisationId} AND c.gmc_number = r.gmc_number
      ON CONFLICT (organisation_id, source_job_plan_id, version) DO NOTHING`;
    counts.jobPlanLines += await tx.$executeRaw`
      INSERT INTO job_plan_activities (organisation_id, job_plan_id, line_number, activity_type, specialty_code,
        day_of_week, period, start_time, end_time, cycle_weeks, cycle_offset, annual_sessions, pa_value,
        expected_output, expected_weeks, linked_codes)
      SELECT ${organisationId}, p.id, r.line_number, r.activity_type::activity_type, NULLIF(r.specialty_code, ''),
             CASE r.day_of_week WHEN 'Mon' THEN 1 WHEN 'Tue' THEN 2 WHEN 'Wed' THEN 3 WHEN 'Thu' THEN 4
                                WHEN 'Fri' THEN 5 WHEN 'Sat' THEN 6 WHEN 'Sun' THEN 7 END,
             NULLIF(r.period, '')::session_period, NULLIF(r.start_time, '')::time, NULLIF(r.end_time, '')::time,
             coalesce(NULLIF(r.cycle_weeks, '')::int, 1), coalesce(NULLIF(r.cycle_offset, '')::int, 0),
             NULLIF(r.annual_sessions, '')::numeric, r.pa_value::numeric, NULLIF(r.expected_output, '')::numeric,
             coalesce(NULLIF(r.expected_weeks, '')::numeric, 42),
             coalesce(string_to_array(NULLIF(r.linked_codes, ''), ';'), '{}')
      FROM jsonb_to_recordset(${json}::jsonb)
        AS r(job_plan_id text, version text, line_number int, activity_type text, specialty_code text,
             day_of_week text, period text, start_time text, end_time text, cycle_weeks text, cycle_offset text,
             annual_sessions text, pa_value text, expected_output text, expected_weeks text, linked_codes text)
      JOIN job_plans p ON p.organisation_id = ${organisationId} AND p.source_job_plan_id = r.job_plan_id
                      AND p.version = r.version::int
      ON CONFLICT (organisation_id, job_plan_id, line_number) DO NOTHING`;
  }
}

function insertClinicSessions(tx: Tx, organisationId: number, batch: CsvRecord[]): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO clinic_sessions (organisation_id, source_session_id, clinic_code, session_date, period,
      planned_start, planned_end, gmc_number, consultant_id, specialty_code, status, cancel_reason, cancelled_on,
      slots_new, slots_follow_up, booked, attended, dna, late_not_seen, patient_cancelled, hospital_cancelled,
      first_attendances, follow_up_attendances, is_additional)
    SELECT ${organisationId}, r.session_id, r.clinic_code, r.session_date::date, r.period::session_period,
           NULLIF(r.planned_start, '')::time, NULLIF(r.planned_end, '')::time, r.gmc_number, c.id, r.specialty_code,
           r.status::session_status, NULLIF(r.cancel_reason, ''), NULLIF(r.cancelled_on, '')::date,
           r.slots_new::int, r.slots_fu::int, r.booked::int, r.attended::int, r.dna::int, r.late_not_seen::int,
           r.patient_cancelled::int, r.hospital_cancelled::int, r.first_attendances::int,
           r.follow_up_attendances::int, r.additional = 'Y'
    FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
      AS r(session_id text, clinic_code text, session_date text, period text, planned_start text, planned_end text,
           gmc_number text, specialty_code text, status text, cancel_reason text, cancelled_on text, slots_new text,
           slots_fu text, booked text, attended text, dna text, late_not_seen text, patient_cancelled text,
           hospital_cancelled text, first_attendances text, follow_up_attendances text, additional text)
    LEFT JOIN consultants c ON c.organisation_id = ${organisationId} AND c.gmc_number = r.gmc_number
    ON CONFLICT (organisation_id, source_session_id) DO NOTHING`;
}

function insertTheatreLists(tx: Tx, organisationId: number, batch: CsvRecord[]): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO theatre_lists (organisation_id, source_list_id, theatre_code, list_date, period, planned_start,
      planned_end, gmc_number, consultant_id, specialty_code, list_type, status, cancel_reason, cancelled_on,
      actual_start, actual_end, cases_booked, cases_done, touch_minutes, is_additional)
    SELECT ${organisationId}, r.list_id, r.theatre_code, r.list_date::date, r.period::session_period,
           NULLIF(r.planned_start, '')::time, NULLIF(r.planned_end, '')::time, r.gmc_number, c.id, r.specialty_code,
           r.list_type::list_type, r.status::session_status, NULLIF(r.cancel_reason, ''),
           NULLIF(r.cancelled_on, '')::date, NULLIF(r.actual_start, '')::time, NULLIF(r.actual_end, '')::time,
           r.cases_booked::int, r.cases_done::int, NULLIF(r.touch_minutes, '')::int, r.additional = 'Y'
    FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
      AS r(list_id text, theatre_code text, list_date text, period text, planned_start text, planned_end text,
           gmc_number text, specialty_code text, list_type text, status text, cancel_reason text,
           cancelled_on text, actual_start text, actual_end text, cases_booked text, cases_done text,
           touch_minutes text, additional text)
    LEFT JOIN consultants c ON c.organisation_id = ${organisationId} AND c.gmc_number = r.gmc_number
    ON CONFLICT (organisation_id, source_list_id) DO NOTHING`;
}

function insertLeave(tx: Tx, organisationId: number, batch: CsvRecord[]): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO leave (organisation_id, source_key, gmc_number, consultant_id, start_date, end_date, start_period,
      end_period, leave_type, requested_on, approved_on)
    SELECT ${organisationId},
           concat_ws('|', r.gmc_number, r.start_date, r.end_date, r.start_period, r.end_period, r.leave_type),
           r.gmc_number, c.id, r.start_date::date, r.end_date::date,
           coalesce(NULLIF(r.start_period, ''), 'FULL')::leave_period,
           coalesce(NULLIF(r.end_period, ''), 'FULL')::leave_period, r.leave_type::leave_type,
           NULLIF(r.requested_on, '')::date, NULLIF(r.approved_on, '')::date
    FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
      AS r(gmc_number text, start_date text, end_date text, start_period text, end_period text, leave_type text,
           requested_on text, approved_on text)
    LEFT JOIN consultants c ON c.organisation_id = ${organisationId} AND c.gmc_number = r.gmc_number
    ON CONFLICT (organisation_id, source_key) DO NOTHING`;
}

function uniqueBy<T>(items: T[], key: (item: T) => string | undefined): T[] {
  const seen = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined && !seen.has(k)) seen.set(k, item);
  }
  return [...seen.values()];
}
