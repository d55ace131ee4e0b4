/** Reads the statement log that cli-preload.ts writes (BENCH_SQL_LOG) into a breakdown by phase. */
import { readFile } from 'node:fs/promises';
import type { PhaseTime } from './report';

/** Time inside the import with no statement running: Node reading and validating while nothing is sent. */
const BETWEEN_STATEMENTS = 'between statements (Node work outside any statement)';

interface LogEntry {
  event: 'start' | 'end';
  phase: string;
  start: number;
  ms?: number;
}

export interface SqlBreakdown {
  /** Seconds from process start to the import's first statement (its advisory lock). */
  startupSeconds?: number;
  phases: PhaseTime[];
  /** The statement that started and never ended (the process was stopped during it). */
  runningPhase?: string;
}

async function readEntries(file: string): Promise<LogEntry[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogEntry);
}

/** Phases of the import (from its lock on), in order of first appearance, with their total time. */
export async function readSqlBreakdown(file: string): Promise<SqlBreakdown> {
  const entries = await readEntries(file);
  const lock = entries.find((entry) => entry.phase === 'lock');
  if (!lock) return { phases: [] };
  const importEntries = entries.filter((entry) => entry.start >= lock.start);
  const totals = new Map<string, PhaseTime>();
  const ended = new Set<string>();
  for (const entry of importEntries) {
    if (entry.event !== 'end') continue;
    ended.add(`${entry.phase}@${entry.start}`);
    const total = totals.get(entry.phase) ?? { phase: entry.phase, seconds: 0, statements: 0 };
    total.seconds += (entry.ms ?? 0) / 1000;
    total.statements++;
    totals.set(entry.phase, total);
  }
  const running = importEntries.find(
    (entry) => entry.event === 'start' && !ended.has(`${entry.phase}@${entry.start}`),
  );
  const phases = [...totals.values()];
  const lastEnd = Math.max(...importEntries.map((entry) => entry.start + (entry.ms ?? 0)));
  const inStatements = phases.reduce((sum, phase) => sum + phase.seconds, 0);
  const between = (lastEnd - lock.start) / 1000 - inStatements;
  if (!running && between > 0.005)
    phases.push({ phase: BETWEEN_STATEMENTS, seconds: between, statements: 0 });
  return { startupSeconds: lock.start / 1000, phases, runningPhase: running?.phase };
}
