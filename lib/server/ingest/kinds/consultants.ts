import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import type { SqlSession } from '../sql-session';
import { STAGE_TABLE } from '../staging';
import type { ImportKindHandler, IssueDraft } from './kind';
import { findDuplicateKeys, MAX_ISSUES_PER_CHECK, upsertFromStage } from './sql';

const format = IMPORT_FORMATS.consultants;

/** Rows that give a code a different name (or division) from the code's first row in the file. */
async function findInconsistentCodes(
  session: SqlSession,
  code: string,
  attributes: readonly string[],
): Promise<IssueDraft[]> {
  const rows = await session.query<{ row_number: number; code: string; first_row: number }>(
    `SELECT s.row_number, s.${code} AS code, f.row_number AS first_row
     FROM ${STAGE_TABLE} s
     JOIN (SELECT DISTINCT ON (${code}) * FROM ${STAGE_TABLE} ORDER BY ${code}, row_number) f ON f.${code} = s.${code}
     WHERE (${attributes.map((a) => `s.${a}`).join(', ')}) IS DISTINCT FROM (${attributes.map((a) => `f.${a}`).join(', ')})
     ORDER BY s.row_number LIMIT ${MAX_ISSUES_PER_CHECK}`,
  );
  return rows.map((row) => ({
    rowNumber: row.row_number,
    column: code,
    value: row.code,
    message: `${code} ${row.code} has a different ${attributes.join(' or ')} from row ${row.first_row}`,
  }));
}

/** Activity imported before its consultant was known gets linked once the consultant arrives. */
async function linkActivityToNewConsultants(session: SqlSession, organisationId: number): Promise<void> {
  for (const table of ['clinic_sessions', 'clinic_appointments', 'theatre_lists', 'leave']) {
    await session.query(
      `UPDATE ${table} t SET consultant_id = c.id
       FROM consultants c
       WHERE t.organisation_id = $1 AND t.consultant_id IS NULL
         AND c.organisation_id = $1 AND c.gmc_number = t.gmc_number`,
      [organisationId],
    );
  }
}

export const consultants: ImportKindHandler = {
  format,

  async findFileErrors(session) {
    return [
      ...(await findDuplicateKeys(session, format.naturalKey)),
      ...(await findInconsistentCodes(session, 'specialty_code', ['specialty_name', 'division_code'])),
      ...(await findInconsistentCodes(session, 'division_code', ['division_name'])),
    ];
  },

  async merge(session, context) {
    const organisation = [context.organisationId];
    await session.query(
      `INSERT INTO divisions (organisation_id, code, name)
       SELECT DISTINCT ON (division_code) $1::int, division_code, division_name FROM ${STAGE_TABLE}
       ORDER BY division_code, row_number
       ON CONFLICT (organisation_id, code) DO UPDATE SET name = EXCLUDED.name
       WHERE divisions.name IS DISTINCT FROM EXCLUDED.name`,
      organisation,
    );
    await session.query(
      `INSERT INTO specialties (organisation_id, code, name, division_id)
       SELECT DISTINCT ON (s.specialty_code) $1::int, s.specialty_code, s.specialty_name, d.id
       FROM ${STAGE_TABLE} s JOIN divisions d ON d.organisation_id = $1 AND d.code = s.division_code
       ORDER BY s.specialty_code, s.row_number
       ON CONFLICT (organisation_id, code) DO UPDATE SET name = EXCLUDED.name, division_id = EXCLUDED.division_id
       WHERE (specialties.name, specialties.division_id) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.division_id)`,
      organisation,
    );
    const counts = await upsertFromStage(
      session,
      {
        table: 'consultants',
        conflictColumns: ['gmc_number'],
        from: `${STAGE_TABLE} s JOIN specialties sp ON sp.organisation_id = $1 AND sp.code = s.specialty_code`,
        values: {
          gmc_number: 's.gmc_number',
          name: 's.name',
          email: 's.email',
          specialty_id: 'sp.id',
          division_id: 'sp.division_id',
          contracted_pas: 's.contracted_pas',
          dcc_pas: 's.dcc_pas',
          spa_pas: 's.spa_pas',
        },
      },
      context,
    );
    await linkActivityToNewConsultants(session, context.organisationId);
    // A consultants file is not a complete list: nobody is removed for being absent from it.
    return { ...counts, deleted: 0 };
  },
};
