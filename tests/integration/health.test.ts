import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/server/db';
import { getHealth } from '@/lib/server/health';
import { readMigrations } from '@/lib/server/migrations/migrations';
import { healthResponseSchema } from '@/lib/shared/schemas/health';
import packageJson from '@/package.json' with { type: 'json' };
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('health report', () => {
  let migrated: TestDatabase;
  let unmigrated: TestDatabase;

  beforeAll(async () => {
    [migrated, unmigrated] = await Promise.all([
      createTestDatabase(),
      createTestDatabase({ migrate: false }),
    ]);
  });
  afterAll(() => Promise.all([migrated.drop(), unmigrated.drop()]));

  it('is ok when the database answers and every migration is applied', async () => {
    const health = healthResponseSchema.parse(await getHealth(async () => migrated));
    const total = (await readMigrations()).length;
    expect(health).toMatchObject({
      status: 'ok',
      version: packageJson.version,
      database: { kind: migrated.kind, reachable: true },
      migrations: { applied: total, total, pending: [] },
    });
  });

  it('is degraded, listing what is pending, when migrations have not been applied', async () => {
    const health = await getHealth(async () => unmigrated);
    const names = (await readMigrations()).map((migration) => migration.name);
    expect(health.status).toBe('degraded');
    expect(health.migrations).toMatchObject({ applied: 0, pending: names, latest: null });
  });

  it('is an error, without leaking the connection string, when the database cannot be reached', async () => {
    const secretUrl = 'postgresql://fulfil:s3cret@127.0.0.1:1/nowhere';
    const health = await getHealth(() => openDatabase({ url: secretUrl }));
    expect(health.status).toBe('error');
    expect(health.database.reachable).toBe(false);
    expect(JSON.stringify(health)).not.toContain('s3cret');
  });
});
