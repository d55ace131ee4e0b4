import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDemoTrustStream, DEMO_DEFAULTS, type DemoTrustOptions } from './generate';
import { writeDemoTrustStream } from './write-csv';

/**
 * Command line: `generate-demo [--seed N] [--consultants N] [--months N] [--end YYYY-MM-DD] [--out DIR]`.
 * Writes the demo extracts and prints a one-line JSON summary. Also runnable directly:
 * `npx tsx lib/server/demo/cli.ts --consultants 600 --months 36`.
 */

export const DEFAULT_DEMO_OUT_DIR = '.data/demo-csv';

export const DEMO_CLI_USAGE = `Usage: generate-demo [--seed N] [--consultants N] [--months N] [--end YYYY-MM-DD] [--out DIR]
  --seed N          PRNG seed (default ${DEMO_DEFAULTS.seed})
  --consultants N   number of consultants, 30–5000 (default ${DEMO_DEFAULTS.consultants})
  --months N        months of activity, 12–60 (default ${DEMO_DEFAULTS.months})
  --end DATE        last day of activity (default ${DEMO_DEFAULTS.endDate})
  --out DIR         output folder (default ${DEFAULT_DEMO_OUT_DIR})`;

export interface DemoCliArgs {
  options: Required<DemoTrustOptions>;
  out: string;
  help: boolean;
}

function toInteger(flag: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new RangeError(`${flag} needs an integer, got "${value}"`);
  return Number(value);
}

/** Parses `--flag value` and `--flag=value` arguments; throws RangeError on anything unknown or malformed. */
export function parseDemoCliArgs(argv: readonly string[]): DemoCliArgs {
  const options: Required<DemoTrustOptions> = { ...DEMO_DEFAULTS };
  let out = DEFAULT_DEMO_OUT_DIR;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new RangeError(`${flag} needs a value`);
    switch (flag) {
      case '--seed':
        options.seed = toInteger(flag, value);
        break;
      case '--consultants':
        options.consultants = toInteger(flag, value);
        break;
      case '--months':
        options.months = toInteger(flag, value);
        break;
      case '--end':
        options.endDate = value;
        break;
      case '--out':
        out = value;
        break;
      default:
        throw new RangeError(`Unknown option ${flag}\n${DEMO_CLI_USAGE}`);
    }
  }
  return { options, out, help };
}

export interface DemoCliSummary {
  out: string;
  seed: number;
  consultants: number;
  months: number;
  startDate: string;
  endDate: string;
  rows: Record<string, number>;
  elapsedMs: number;
}

/** Generates the demo trust into the output folder and prints a one-line JSON summary. */
export async function runGenerateDemo(
  argv: readonly string[],
  log: (line: string) => void = console.log,
): Promise<DemoCliSummary | null> {
  const args = parseDemoCliArgs(argv);
  if (args.help) {
    log(DEMO_CLI_USAGE);
    return null;
  }
  const started = performance.now();
  const stream = createDemoTrustStream(args.options);
  const out = resolve(args.out);
  const result = await writeDemoTrustStream(stream, out);
  const summary: DemoCliSummary = {
    out,
    seed: stream.options.seed,
    consultants: stream.options.consultants,
    months: stream.options.months,
    startDate: stream.options.startDate,
    endDate: stream.options.endDate,
    rows: result.rowCounts,
    elapsedMs: Math.round(performance.now() - started),
  };
  log(JSON.stringify(summary));
  return summary;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runGenerateDemo(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
