import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything configurable is declared, validated and documented here
 * (and in the README's "Configuration" table).
 */
const envSchema = z.object({
  /** PostgreSQL connection string. When unset, Fulfil uses the embedded PGlite database in FULFIL_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// connection string')
    .optional(),
  /** Folder of the embedded database (and generated demo extracts). */
  FULFIL_DATA_DIR: z.string().min(1).default('.data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validated environment; throws a readable error naming each bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    ...process.env,
    // An empty value in a .env file means "not set".
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    FULFIL_DATA_DIR: process.env.FULFIL_DATA_DIR || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n  ${problems.join('\n  ')}`);
  }
  cached = parsed.data;
  return cached;
}

/** Absolute path of the embedded database's data folder. */
export function getDataDir(env: Env = getEnv()): string {
  return path.resolve(env.FULFIL_DATA_DIR);
}
