/**
 * The benchmark's results: the table printed at the end, where each import's time went, the goals of issue 3
 * with PASS/FAIL, and the JSON file written to bench-results/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface PhaseTime {
  phase: string;
  seconds: number;
  statements: number;
}

export interface LoadResult {
  label: string;
  rows: number;
  /** Wall time of the child process; a lower bound when it timed out. */
  wallSeconds: number;
  peakRssMb: number | null;
  timedOut?: boolean;
  /** The import's own duration (the CLI's durationMs): wall time minus process start-up and connecting. */
  pipelineSeconds?: number;
  /** From process start to the import's first statement: tsx, modules, Prisma, the migrations check. */
  startupSeconds?: number;
  phases?: PhaseTime[];
  /** The statement running when the process was stopped (timeouts). */
  runningPhase?: string;
  note?: string;
}

export interface Goal {
  description: string;
  measured: string;
  pass: boolean;
}

export interface Environment {
  /** The commit measured, and the pipeline files that differed from it. */
  revision: { commit: string; changedFiles: string[] };
  node: string;
  postgres: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
  rssMeasuredWith: string;
}

export interface BenchResults {
  startedAt: string;
  options: Record<string, unknown>;
  environment: Environment;
  baseline: { choice: string; indexes: string[]; runs: LoadResult[]; median: LoadResult };
  loads: LoadResult[];
  goals: Goal[];
}

const RSS_GOAL_MB = 300;
const RATIO_GOAL = 2;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function rowsPerSecond(load: LoadResult): number {
  return load.rows / load.wallSeconds;
}

/** Time per row relative to the baseline's (the plain time ratio when the row counts match). */
export function ratioToBaseline(load: LoadResult, baseline: LoadResult): number {
  return rowsPerSecond(baseline) / rowsPerSecond(load);
}

function ratioGoal(baseline: LoadResult, first: LoadResult | undefined): Goal {
  const description = `first import ≤ ${RATIO_GOAL}× psql \\copy (wall time, CLI start-up included)`;
  if (!first) return { description, measured: 'not run', pass: false };
  const ratio = ratioToBaseline(first, baseline);
  const measured = `${first.timedOut ? '> ' : ''}${ratio.toFixed(2)}×`;
  return { description, measured, pass: !first.timedOut && ratio <= RATIO_GOAL };
}

function rssGoal(imports: readonly (LoadResult | undefined)[]): Goal {
  const description = `peak RSS < ${RSS_GOAL_MB} MB (first import and re-import)`;
  const measured = imports.flatMap((load) => (load && load.peakRssMb !== null ? [load.peakRssMb] : []));
  if (measured.length < imports.length) {
    const partial = measured.length > 0 ? `; measured: ${Math.max(...measured).toFixed(0)} MB` : '';
    return { description, measured: `not measured for every import${partial}`, pass: false };
  }
  const peak = Math.max(...measured);
  return { description, measured: `${peak.toFixed(0)} MB`, pass: peak < RSS_GOAL_MB };
}

function reimportGoal(first: LoadResult | undefined, again: LoadResult | undefined): Goal {
  const description = 're-import of the same file (all unchanged) ≤ first import';
  if (!first || !again)
    return { description, measured: 'not run (the first import did not finish)', pass: false };
  return {
    description,
    measured: `${again.wallSeconds.toFixed(2)} s vs ${first.wallSeconds.toFixed(2)} s`,
    pass: !again.timedOut && !first.timedOut && again.wallSeconds <= first.wallSeconds,
  };
}

export function evaluateGoals(
  baseline: LoadResult,
  first: LoadResult | undefined,
  again: LoadResult | undefined,
): Goal[] {
  return [ratioGoal(baseline, first), rssGoal([first, again]), reimportGoal(first, again)];
}

function formatNumber(value: number, digits = 0): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function tableRow(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ');
}

function loadCells(load: LoadResult, baseline: LoadResult): string[] {
  const [more, less] = load.timedOut ? ['> ', '< '] : ['', ''];
  return [
    load.label,
    formatNumber(load.rows),
    less + formatNumber(rowsPerSecond(load)),
    more + formatNumber(load.wallSeconds, 2),
    load.pipelineSeconds === undefined ? '–' : formatNumber(load.pipelineSeconds, 2),
    `${more}${formatNumber(ratioToBaseline(load, baseline), 2)}×`,
    load.peakRssMb === null ? 'n/a' : formatNumber(load.peakRssMb, 0),
  ];
}

export function formatTable(loads: readonly LoadResult[], baseline: LoadResult): string {
  const header = ['load', 'rows', 'rows/s', 'wall s', 'pipeline s', '× \\copy', 'peak RSS MB'];
  const rows = loads.map((load) => loadCells(load, baseline));
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  const notes = loads.filter((load) => load.note).map((load) => `  ${load.label}: ${load.note}`);
  return [tableRow(header, widths), rule, ...rows.map((row) => tableRow(row, widths)), '', ...notes].join(
    '\n',
  );
}

/** Where each import's wall time went, by phase (from the statement log of the CLI child). */
export function formatPhases(loads: readonly LoadResult[]): string {
  const lines: string[] = [];
  for (const load of loads) {
    if (!load.phases) continue;
    lines.push(`  ${load.label}${load.timedOut ? ` (stopped during "${load.runningPhase}")` : ''}:`);
    if (load.startupSeconds !== undefined) {
      lines.push(
        `    ${'start-up (tsx, modules, Prisma, migrations check)'.padEnd(52)} ${seconds(load.startupSeconds)}`,
      );
    }
    for (const phase of load.phases) {
      const count = phase.statements > 1 ? ` (${phase.statements} statements)` : '';
      lines.push(`    ${phase.phase.padEnd(52)} ${seconds(phase.seconds)}${count}`);
    }
  }
  return lines.join('\n');
}

function seconds(value: number): string {
  return `${formatNumber(value, 2).padStart(8)} s`;
}

export function formatGoals(goals: readonly Goal[]): string {
  return goals
    .map((goal) => `  [${goal.pass ? 'PASS' : 'FAIL'}] ${goal.description}: ${goal.measured}`)
    .join('\n');
}

/** Writes the results to bench-results/import-<timestamp>.json and returns the path. */
export async function writeResults(results: BenchResults): Promise<string> {
  const folder = path.resolve('bench-results');
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `import-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
