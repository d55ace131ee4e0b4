import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@/lib/server/db';
import { createDemoTrustStream } from '@/lib/server/demo/generate';
import { DEMO_ORGANISATION } from '@/lib/server/demo/reference';
import { DEMO_FILE_NAMES, writeDemoTrustStream } from '@/lib/server/demo/write-csv';
import { type ImportResult, importFile } from '@/lib/server/ingest/import-file';
import { createDemoUsers } from '@/lib/server/seed/demo-users';
import type { ImportKindSlug } from '@/lib/shared/import-formats';

export interface DemoSetupOptions {
  /** Where the demo extracts are (or will be) written. */
  csvDir: string;
  seed?: number;
  consultants?: number;
  months?: number;
}

export type DemoSetupResult =
  | { status: 'already-loaded'; organisation: string }
  | {
      status: 'loaded';
      organisation: string;
      generated: boolean;
      csvDir: string;
      imports: Pick<ImportResult, 'batchId' | 'kind' | 'status' | 'rows' | 'warningCount'>[];
    };

/** The demo extracts in import order: consultants before anything that refers to them. */
const DEMO_IMPORTS: readonly { kind: ImportKindSlug; file: string }[] = [
  { kind: 'consultants', file: DEMO_FILE_NAMES.consultants },
  { kind: 'job-plans', file: DEMO_FILE_NAMES.jobPlans },
  { kind: 'clinic-sessions', file: DEMO_FILE_NAMES.clinicSessions },
  { kind: 'theatre-lists', file: DEMO_FILE_NAMES.theatreLists },
  { kind: 'leave', file: DEMO_FILE_NAMES.leave },
];

/**
 * Fills a database with the demo trust: generates its CSV extracts (unless they exist) and imports them through
 * the same pipeline as a real trust's files. Does nothing when the demo trust is already there.
 */
export async function setupDemo(database: Database, options: DemoSetupOptions): Promise<DemoSetupResult> {
  const existing = await database.prisma.organisation.findUnique({ where: { code: DEMO_ORGANISATION.code } });
  if (existing) {
    // Demo databases made before sign-in existed get their demo users too.
    await createDemoUsers(database.prisma, existing.id);
    return { status: 'already-loaded', organisation: existing.name };
  }

  const generated = !(await hasAllExtracts(options.csvDir));
  if (generated) {
    const trust = createDemoTrustStream({
      seed: options.seed,
      consultants: options.consultants,
      months: options.months,
    });
    await writeDemoTrustStream(trust, options.csvDir);
  }
  const organisation = await database.prisma.organisation.create({
    data: { code: DEMO_ORGANISATION.code, name: DEMO_ORGANISATION.name, parameters: { create: {} } },
  });
  try {
    const imports = [];
    for (const { kind, file } of DEMO_IMPORTS) {
      const result = await importFile(database, {
        organisationId: organisation.id,
        kind,
        input: createReadStream(path.join(options.csvDir, file)),
        fileName: file,
      });
      if (result.status === 'rejected') {
        const first = result.errors[0];
        throw new Error(
          `The demo ${file} was rejected: row ${first?.row} ${first?.column}: ${first?.message}`,
        );
      }
      const { batchId, status, rows, warningCount } = result;
      imports.push({ batchId, kind, status, rows, warningCount });
    }
    await createDemoUsers(database.prisma, organisation.id);
    return { status: 'loaded', organisation: organisation.name, generated, csvDir: options.csvDir, imports };
  } catch (error) {
    // Leave no half-loaded demo behind: the next start would take it for a loaded one.
    await database.prisma.organisation.delete({ where: { id: organisation.id } });
    throw error;
  }
}

async function hasAllExtracts(dir: string): Promise<boolean> {
  try {
    await Promise.all(DEMO_IMPORTS.map(({ file }) => access(path.join(dir, file))));
    return true;
  } catch {
    return false;
  }
}
