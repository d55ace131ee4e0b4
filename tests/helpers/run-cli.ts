import { execFile } from 'node:child_process';
import path from 'node:path';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run --silent cli -- <args>` (tsx lib/cli/index.ts) in a child process with the given environment,
 * writing `stdin` to it when given.
 */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      path.resolve('node_modules/.bin/tsx'),
      ['lib/cli/index.ts', ...args],
      { env: { ...process.env, DATABASE_URL: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ exitCode, stdout, stderr });
      },
    );
    child.stdin?.end(stdin ?? '');
  });
}
