import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import type { Database } from '@/lib/server/db';
import { resolveOrganisation } from '@/lib/server/ingest/organisation';
import { periodSchema } from '@/lib/server/metrics/period';
import type { UnitLevel } from '@/lib/server/metrics/scope-sql';
import { getUnitReport, type UnitReportRow } from '@/lib/server/metrics/unit-report';
import { trustWideScope } from '@/lib/shared/scope';

const LEVELS = ['consultant', 'specialty', 'division', 'trust'] as const;
const ACTIVITIES = ['clinic', 'list', 'all'] as const;

export class ReportUsageError extends Error {}

/** `report --level … --from … --to … [--activity …] [--format json|csv] [--organisation CODE]` */
export async function runReport(
  database: Database,
  args: string[],
): Promise<{ json?: unknown; text?: string }> {
  const { values } = parseArgs({
    args,
    options: {
      level: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      activity: { type: 'string', default: 'all' },
      format: { type: 'string', default: 'json' },
      organisation: { type: 'string' },
    },
  });
  const level = oneOf(values.level, LEVELS, '--level');
  const activity = oneOf(values.activity, ACTIVITIES, '--activity');
  const format = oneOf(values.format, ['json', 'csv'] as const, '--format');
  const period = periodSchema.safeParse({ from: values.from, to: values.to });
  if (!period.success) {
    throw new ReportUsageError(
      `report needs --from and --to as dates (YYYY-MM-DD), the end on or after the start; got --from ${values.from ?? '(none)'} --to ${values.to ?? '(none)'}`,
    );
  }
  const organisation = await resolveOrganisation(database, values.organisation);
  // The command line is an operator's tool: it sees the whole trust.
  const report = await getUnitReport(database, trustWideScope(organisation.id), {
    level: level as UnitLevel,
    period: period.data,
    activity,
  });
  const rows = report.rows.map(toReportRow);
  if (format === 'json') return { json: rows };
  return { text: toCsv(rows) };
}

/** The row the CLI prints: the fields the issue lists first, then every other metric. */
function toReportRow(row: UnitReportRow) {
  const { level, key, name, id: _id, specialty, division, benchmarks: _benchmarks, ...metrics } = row;
  return {
    level,
    key,
    name,
    ...(specialty && level === 'consultant' ? { specialty: specialty.code } : {}),
    ...(division && (level === 'consultant' || level === 'specialty') ? { division: division.code } : {}),
    ...metrics,
  };
}

function toCsv(rows: Record<string, unknown>[]): string {
  const flat = rows.map((row) => flatten(row));
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  // Cells that a spreadsheet would read as a formula are prefixed with a quote (CSV injection).
  const escapeCell = (value: unknown) => {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  };
  return stringify(
    flat.map((row) => columns.map((column) => escapeCell(row[column]))),
    { header: true, columns },
  );
}

function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
      Object.assign(out, flatten(inner as Record<string, unknown>, `${prefix}${key}.`));
    } else out[`${prefix}${key}`] = inner;
  }
  return out;
}

function oneOf<const T extends readonly string[]>(
  value: string | undefined,
  allowed: T,
  flag: string,
): T[number] {
  if (value === undefined || !allowed.includes(value)) {
    throw new ReportUsageError(`${flag} must be one of ${allowed.join(', ')}; got ${value ?? '(none)'}`);
  }
  return value as T[number];
}
