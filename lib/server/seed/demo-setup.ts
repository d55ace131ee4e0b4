import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '@/lib/server/db';
import { createDemoTrustStream } from '@/lib/server/demo/generate';
import { DEMO_ORGANISATION } from '@/lib/server/demo/reference';
import { DEMO_FILE_NAMES, writeDemoTrustStream } from '@/lib/server/demo/write-csv';
import { type LoadedCounts, loadExtracts } from './load-extracts';

export interface DemoSetupOptions {
  /** Where the demo extracts are (or will be) written. */
  csvDir: string;
  seed?: number;
  consultants?: number;
  months?: number;
}

export type DemoSetupResult =
  | { status: 'already-loaded'; organisation: string }
  | { status: 'loaded'; organisation: string; generated: boolean; csvDir: string; counts: LoadedCounts };

const { patterns: _patterns, ...EXTRACT_FILE_NAMES } = DEMO_FILE_NAMES;
const EXTRACT_FILES = Object.values(EXTRACT_FILE_NAMES);

/**
 * Fills an empty database with the demo trust: generates its CSV extracts (unless they exist) and loads them.
 * Does nothing when the demo trust is already there, so it is safe to run at every start.
 */
export async function setupDemo(database: Database, options: DemoSetupOptions): Promise<DemoSetupResult> {
  const existing = await database.prisma.organisation.findUnique({ where: { code: DEMO_ORGANISATION.code } });
  if (existing) return { status: 'already-loaded', organisation: existing.name };

  const generated = !(await hasAllExtracts(options.csvDir));
  if (generated) {
    const trust = createDemoTrustStream({
      seed: options.seed,
      consultants: options.consultants,
      months: options.months,
    });
    await writeDemoTrustStream(trust, options.csvDir);
  }
  const counts = await loadExtracts(database.prisma, DEMO_ORGANISATION, options.csvDir);
  return {
    status: 'loaded',
    organisation: DEMO_ORGANISATION.name,
    generated,
    csvDir: options.csvDir,
    counts,
  };
}

async function hasAllExtracts(dir: string): Promise<boolean> {
  try {
    await Promise.all(EXTRACT_FILES.map((file) => access(path.join(dir, file))));
    return true;
  } catch {
    return false;
  }
}
