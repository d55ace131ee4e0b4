/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): self time by function and by package, the busiest first.
 *
 *   tsx tests/bench/cpu-profile-summary.ts <file.cpuprofile> [--top 25]
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/<package>` or the file below the working folder, for grouping. */
function owner(url: string): string {
  if (!url) return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '');
}

function selfTimes(profile: Profile): { byFunction: Map<string, number>; byOwner: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'}  ${owner(url)}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byOwner.set(owner(url), (byOwner.get(owner(url)) ?? 0) + ms);
  });
  return { byFunction, byOwner };
}

function printTop(title: string, times: Map<string, number>, total: number, top: number): void {
  process.stdout.write(`${title}\n`);
  const sorted = [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, ms] of sorted) {
    const share = ((ms / total) * 100).toFixed(1).padStart(5);
    process.stdout.write(`  ${(ms / 1000).toFixed(2).padStart(7)} s ${share} %  ${name}\n`);
  }
  process.stdout.write('\n');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '25' } },
  });
  const [file] = positionals;
  if (!file) throw new Error('usage: tsx tests/bench/cpu-profile-summary.ts <file.cpuprofile> [--top 25]');
  const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
  const { byFunction, byOwner } = selfTimes(profile);
  const total = [...byOwner.values()].reduce((sum, ms) => sum + ms, 0);
  process.stdout.write(`${(total / 1000).toFixed(2)} s sampled in ${file}\n\n`);
  printTop('Self time by package or file:', byOwner, total, Number(values.top));
  printTop('Self time by function:', byFunction, total, Number(values.top));
}

await main();
