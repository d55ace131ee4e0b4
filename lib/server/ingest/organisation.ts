import type { Database } from '../db';
import { withTransaction } from './sql-session';

/** Thrown when the organisation an import or command is for cannot be determined. */
export class UnknownOrganisationError extends Error {}

/**
 * The organisation a CLI command acts for: the one with `code`, or, when no code is given, the only one there is.
 */
export async function resolveOrganisation(
  database: Database,
  code?: string,
): Promise<{ id: number; code: string; name: string }> {
  // Plain SQL on the driver: the CLI's import path then never starts Prisma's query engine (~70 MB, ~0.5 s).
  const organisations = await withTransaction(database, (session) =>
    session.query<{ id: number; code: string; name: string }>(
      'SELECT id, code, name FROM organisations WHERE ($1::text IS NULL OR code = $1) ORDER BY id LIMIT 2',
      [code ?? null],
    ),
  );
  if (code) {
    const [organisation] = organisations;
    if (!organisation) throw new UnknownOrganisationError(`No organisation with code ${code}.`);
    return organisation;
  }
  const [only, another] = organisations;
  if (!only) {
    throw new UnknownOrganisationError(
      'No organisation yet: create it with `npm run --silent cli -- organisation:create <ODS code> "<name>"`.',
    );
  }
  if (another) {
    throw new UnknownOrganisationError(
      'There are several organisations: say which with --organisation <ODS code>.',
    );
  }
  return only;
}
