import path from 'node:path';
import { z } from 'zod';

/** Entra ID tenants that admit accounts from any organisation: refused, because users are matched by email. */
const MULTI_TENANT_IDS = ['common', 'organizations', 'consumers'];

/**
 * The only reader of process.env. Everything configurable is declared, validated and documented here
 * (and in the README's "Configuration" table).
 */
const envSchema = z
  .object({
    /** PostgreSQL connection string. When unset, Fulfil uses the embedded PGlite database in FULFIL_DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// connection string')
      .optional(),
    /** Folder of the embedded database (and generated demo extracts). */
    FULFIL_DATA_DIR: z.string().min(1).default('.data'),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    /**
     * The app's public URL (next-auth reads it too): single sign-on redirects come back to it, and session
     * cookies are marked Secure when it is https. Unset = http://localhost:3000.
     */
    NEXTAUTH_URL: z
      .url({ protocol: /^https?$/, error: 'NEXTAUTH_URL must be the http(s):// URL the app is served at' })
      .optional(),
    /** Signs and encrypts session cookies. Required in production with DATABASE_URL (see lib/server/auth). */
    NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
    /** How long a sign-in lasts, in minutes (default 8 hours: a working day). */
    FULFIL_SESSION_MAX_AGE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(480),
    /** Microsoft Entra ID single sign-on: all of client id, secret and tenant (or a well-known URL) or none. */
    AZURE_AD_CLIENT_ID: z.string().min(1).optional(),
    AZURE_AD_CLIENT_SECRET: z.string().min(1).optional(),
    AZURE_AD_TENANT_ID: z
      .string()
      .min(1)
      .refine((tenant) => !MULTI_TENANT_IDS.includes(tenant.toLowerCase()), {
        message: 'AZURE_AD_TENANT_ID must be the trust’s own tenant (id or domain), not a multi-tenant alias',
      })
      .optional(),
    /** OpenID Connect discovery document to use instead of Entra ID's (tests point it at a local provider). */
    AZURE_AD_WELL_KNOWN_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .superRefine((env, context) => {
    const sso = {
      AZURE_AD_CLIENT_ID: env.AZURE_AD_CLIENT_ID,
      AZURE_AD_CLIENT_SECRET: env.AZURE_AD_CLIENT_SECRET,
      'AZURE_AD_TENANT_ID or AZURE_AD_WELL_KNOWN_URL': env.AZURE_AD_TENANT_ID ?? env.AZURE_AD_WELL_KNOWN_URL,
    };
    const missing = Object.entries(sso).filter(([, value]) => value === undefined);
    if (missing.length > 0 && missing.length < Object.keys(sso).length) {
      context.addIssue({
        code: 'custom',
        path: ['AZURE_AD_CLIENT_ID'],
        message: `single sign-on is half configured: also set ${missing.map(([name]) => name).join(', ')}`,
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Validated environment; throws a readable error naming each bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  // An empty value in a .env file means "not set".
  const values = Object.fromEntries(
    Object.entries(process.env).map(([name, value]) => [name, value === '' ? undefined : value]),
  );
  const parsed = envSchema.safeParse(values);
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
