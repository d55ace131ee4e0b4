/**
 * Checks that a change to the metrics code leaves its numbers alone: dumps what the dashboards' functions return on
 * a benchmark database (kept with `npm run bench:metrics -- --keep-database`) for several scopes, periods and
 * activities, and compares two dumps.
 *
 *   tsx tests/bench/metrics-compare.ts dump <database url> <out.json>
 *   tsx tests/bench/metrics-compare.ts compare <before.json> <after.json> [key,key… left out on purpose]
 *
 * Numbers are compared exactly; those that differ are listed with their relative difference (sums of fractional
 * plan expectations taken in another order may differ in the last bit).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { openDatabase } from '@/lib/server/db';
import { getBaselineComparison } from '@/lib/server/metrics/baseline';
import { getSeries } from '@/lib/server/metrics/series';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { getConsultantView, getSpecialtyView, getTrustOverview } from '@/lib/server/metrics/views';
import { getWorkloadBalance } from '@/lib/server/metrics/workload-balance';
import { NO_GRANT, type Scope, trustWideScope } from '@/lib/shared/scope';
import { withClient } from './bench-database';

async function dump(url: string, out: string): Promise<void> {
  const facts = await withClient(url, async (client) => {
    const { rows } = await client.query<{ org: number; specialty: number; small: number; division: number }>(
      `WITH s AS (SELECT specialty_id, count(*) AS n, min(division_id) AS division FROM consultants
                   GROUP BY 1 ORDER BY 2 DESC, 1)
       SELECT (SELECT min(id) FROM organisations o WHERE EXISTS (SELECT 1 FROM ledger_coverage c
                WHERE c.organisation_id = o.id)) AS org,
              (SELECT specialty_id FROM s LIMIT 1) AS specialty,
              (SELECT specialty_id FROM s ORDER BY n, specialty_id LIMIT 1) AS small,
              (SELECT division FROM s LIMIT 1) AS division`,
    );
    const first = rows[0];
    if (!first) throw new Error('no organisation');
    const consultants = await client.query<{ id: number }>(
      'SELECT id FROM consultants WHERE specialty_id = $1 ORDER BY id LIMIT 2',
      [first.specialty],
    );
    return { ...first, consultants: consultants.rows.map((row) => row.id) };
  });
  const database = await openDatabase({ url });
  const org = facts.org;
  const ids = (
    grant: Partial<{ divisionIds: number[]; specialtyIds: number[]; consultantIds: number[] }>,
  ) => ({
    divisionIds: [],
    specialtyIds: [],
    consultantIds: [],
    ...grant,
  });
  const [self, peer] = facts.consultants as [number, number];
  const scopes: Record<string, Scope> = {
    trust: trustWideScope(org),
    division: {
      organisationId: org,
      named: ids({ divisionIds: [facts.division] }),
      anonymised: NO_GRANT,
      aggregates: ids({ divisionIds: [facts.division] }),
    },
    lead: {
      organisationId: org,
      named: ids({ specialtyIds: [facts.specialty] }),
      anonymised: NO_GRANT,
      aggregates: 'all',
    },
    consultant: {
      organisationId: org,
      named: ids({ consultantIds: [self] }),
      anonymised: ids({ specialtyIds: [facts.specialty] }),
      aggregates: ids({ specialtyIds: [facts.specialty] }),
      viewer: { userId: 1, consultantIds: [self] },
    },
  };
  const periods = {
    year: { from: '2025-11-01', to: '2026-10-31' },
    ragged: { from: '2025-11-15', to: '2026-08-20' },
    inMonth: { from: '2026-03-03', to: '2026-03-20' },
    start: { from: '2023-09-01', to: '2024-03-10' },
  };
  const results: Record<string, unknown> = {};
  for (const [scopeName, scope] of Object.entries(scopes)) {
    for (const [periodName, period] of Object.entries(periods)) {
      for (const activity of ['all', 'clinic', 'list'] as const) {
        if (activity !== 'all' && periodName !== 'ragged') continue;
        const request = { period, activity };
        const key = `${scopeName} ${periodName} ${activity}`;
        results[`${key} overview`] = await getTrustOverview(database, scope, request);
        for (const specialtyId of [facts.specialty, facts.small]) {
          results[`${key} specialty ${specialtyId}`] = await getSpecialtyView(database, scope, {
            ...request,
            specialtyId,
          });
        }
        for (const consultantId of [self, peer]) {
          results[`${key} consultant ${consultantId}`] = await getConsultantView(database, scope, {
            ...request,
            consultantId,
          });
        }
        results[`${key} division report`] = await getUnitReport(database, scope, {
          level: 'division',
          ...request,
        });
        results[`${key} consultant report`] = await getUnitReport(database, scope, {
          level: 'consultant',
          ...request,
        });
        results[`${key} division months`] = await getSeries(database, scope, {
          level: 'division',
          bucket: 'month',
          ...request,
        });
        results[`${key} consultant months`] = await getSeries(database, scope, {
          level: 'consultant',
          bucket: 'month',
          unit: { level: 'specialty', id: facts.specialty },
          ...request,
        });
        results[`${key} trust weeks`] = await getSeries(database, scope, {
          level: 'trust',
          bucket: 'week',
          ...request,
        });
        results[`${key} workload`] = await getWorkloadBalance(database, scope, {
          ...request,
          within: { level: 'specialty', id: facts.specialty },
        });
        results[`${key} baseline`] = await getBaselineComparison(database, scope, {
          level: 'specialty',
          ...request,
          baseline: { from: '2024-11-01', to: '2025-10-31' },
        });
      }
    }
  }
  await database.close();
  await writeFile(out, JSON.stringify(results));
  process.stdout.write(`${Object.keys(results).length} results written to ${out}\n`);
}

interface Difference {
  path: string;
  before: unknown;
  after: unknown;
}

function differences(
  before: unknown,
  after: unknown,
  path: string,
  found: Difference[],
  ignored: ReadonlySet<string>,
): void {
  if (typeof before === 'number' && typeof after === 'number') {
    if (before !== after && !(Number.isNaN(before) && Number.isNaN(after)))
      found.push({ path, before, after });
    return;
  }
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of keys) {
      if (ignored.has(key)) continue;
      differences(
        (before as Record<string, unknown>)[key],
        (after as Record<string, unknown>)[key],
        `${path}.${key}`,
        found,
        ignored,
      );
    }
    return;
  }
  if (before !== after) found.push({ path, before, after });
}

async function compare(beforeFile: string, afterFile: string, ignored: ReadonlySet<string>): Promise<void> {
  const before = JSON.parse(await readFile(beforeFile, 'utf8'));
  const after = JSON.parse(await readFile(afterFile, 'utf8'));
  const found: Difference[] = [];
  differences(before, after, '', found, ignored);
  const relative = (d: Difference) =>
    typeof d.before === 'number' && typeof d.after === 'number'
      ? Math.abs(d.before - d.after) / Math.max(Math.abs(d.before), Math.abs(d.after))
      : Number.POSITIVE_INFINITY;
  const worst = found.reduce((max, d) => Math.max(max, relative(d)), 0);
  const notNumeric = found.filter((d) => !Number.isFinite(relative(d)));
  process.stdout.write(
    `${Object.keys(before).length} results compared: ${found.length} values differ; largest relative difference ${worst}\n`,
  );
  for (const d of [...notNumeric, ...found.filter((d) => Number.isFinite(relative(d)))].slice(0, 30)) {
    process.stdout.write(`  ${d.path}: ${JSON.stringify(d.before)} → ${JSON.stringify(d.after)}\n`);
  }
  process.exitCode = notNumeric.length > 0 || worst > 1e-12 ? 1 : 0;
}

const [command, a, b, ignore] = process.argv.slice(2);
if (command === 'dump' && a && b) await dump(a, b);
else if (command === 'compare' && a && b) await compare(a, b, new Set(ignore ? ignore.split(',') : []));
else throw new Error('usage: metrics-compare.ts dump <url> <out.json> | compare <before.json> <after.json>');
