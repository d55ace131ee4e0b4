/**
 * Runs a child process and measures it: wall time (performance.now() around the child) and peak RSS of the child
 * and its descendants (tsx runs the script in a grandchild node process). Peak RSS comes from GNU time
 * (`/usr/bin/time -f %M`, the largest maxrss in the waited-for process tree); without it, from polling VmHWM in
 * /proc for the whole process tree every 50 ms. Each child runs in a process group of its own, so that a timeout
 * or Ctrl-C stops exactly the processes the benchmark started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface Measured {
  exitCode: number;
  wallSeconds: number;
  /** Peak resident set size in MB, or null when it could not be measured (e.g. the child was killed). */
  peakRssMb: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Added to this process's environment. */
  env?: Record<string, string | undefined>;
  /** Kill the child (its whole process group) after this long. */
  timeoutSeconds?: number;
}

type Ran = Omit<Measured, 'peakRssMb'>;

const GNU_TIME = '/usr/bin/time';
const active = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Kills the children still running (on Ctrl-C), each by its process group id. */
export function killActiveChildren(): void {
  for (const child of active) killGroup(child, 'SIGTERM');
}

export async function runMeasured(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<Measured> {
  if (!existsSync(GNU_TIME)) return runPolled(command, args, options);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'fulfil-bench-time-'));
  const timeFile = path.join(folder, 'time.txt');
  try {
    const result = await run(GNU_TIME, ['-o', timeFile, '-f', '%M', command, ...args], options);
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    const kilobytes = Number(text.trim().split('\n').at(-1));
    const peakRssMb = text && Number.isFinite(kilobytes) && !result.timedOut ? kilobytes / 1024 : null;
    return { ...result, peakRssMb };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function runPolled(command: string, args: readonly string[], options: RunOptions): Promise<Measured> {
  let peakKb = 0;
  const result = await run(command, args, options, (pid) => {
    const timer = setInterval(async () => {
      peakKb = Math.max(peakKb, await treeHighWaterKb(pid));
    }, 50);
    return () => clearInterval(timer);
  });
  return { ...result, peakRssMb: peakKb > 0 ? peakKb / 1024 : null };
}

function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
  watch?: (pid: number) => () => void,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    active.add(child);
    const stopWatching = child.pid === undefined ? undefined : watch?.(child.pid);
    let timedOut = false;
    const timer =
      options.timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            killGroup(child, 'SIGTERM');
            setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
          }, options.timeoutSeconds * 1000);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      active.delete(child);
      clearTimeout(timer);
      stopWatching?.();
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        wallSeconds: (performance.now() - started) / 1000,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}

/** Largest VmHWM (peak RSS, kB) of `pid` and its descendants, as far as /proc shows them. */
async function treeHighWaterKb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const own = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const children = await childPids(pid);
  const descendants = await Promise.all(children.map(treeHighWaterKb));
  return Math.max(own, ...descendants);
}

async function childPids(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const lists = await Promise.all(
    tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')),
  );
  return lists.flatMap((list) => list.split(/\s+/).filter(Boolean).map(Number));
}
