import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/server/db';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

describe(`the database module (${testDatabaseKind})`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('runs on PostgreSQL when TEST_DATABASE_URL is set, and on embedded PGlite otherwise', async () => {
    expect(db.kind).toBe(testDatabaseKind);
    const [row] = await db.prisma.$queryRaw<[{ database: string; version: string }]>`
      SELECT current_database() AS database, version() AS version`;
    if (db.kind === 'postgresql') {
      expect(row.database).toBe(db.name);
    } else {
      expect(row.version).toMatch(/PostgreSQL/);
      expect(db.name).toBeUndefined();
    }
    console.info(`integration database: ${db.kind} ${row.database} — ${row.version}`);
  });

  it.runIf(testDatabaseKind === 'postgresql')(
    'gives the app’s connections room to sort without spilling, and no JIT',
    async () => {
      if (db.driver.kind !== 'postgresql') return;
      const { rows } = await db.driver.pool.query('SHOW work_mem');
      expect(rows[0].work_mem).toBe('32MB');
    },
  );

  it('keeps tenants apart: a row cannot reference another organisation’s division', async () => {
    const trustA = await db.prisma.organisation.create({ data: { code: 'RAA', name: 'Trust A' } });
    const trustB = await db.prisma.organisation.create({ data: { code: 'RBB', name: 'Trust B' } });
    const divisionA = await db.prisma.division.create({
      data: { organisationId: trustA.id, code: 'SURG', name: 'Surgery' },
    });
    await expect(
      db.prisma.specialty.create({
        data: { organisationId: trustB.id, code: '130', name: 'Ophthalmology', divisionId: divisionA.id },
      }),
    ).rejects.toThrow();
    const specialty = await db.prisma.specialty.create({
      data: { organisationId: trustA.id, code: '130', name: 'Ophthalmology', divisionId: divisionA.id },
    });
    expect(specialty.divisionId).toBe(divisionA.id);
  });

  it('enforces natural keys per organisation: the same GMC number twice in one trust fails, in two trusts works', async () => {
    const [trustA, trustB] = await Promise.all(
      ['RCC', 'RDD'].map((code) => db.prisma.organisation.create({ data: { code, name: code } })),
    );
    const specialtyIn = async (organisationId: number) => {
      const division = await db.prisma.division.create({
        data: { organisationId, code: 'MED', name: 'Medicine' },
      });
      return db.prisma.specialty.create({
        data: { organisationId, code: '320', name: 'Cardiology', divisionId: division.id },
      });
    };
    const [cardiologyA, cardiologyB] = [await specialtyIn(trustA!.id), await specialtyIn(trustB!.id)];
    const consultant = (specialty: typeof cardiologyA) => ({
      organisationId: specialty.organisationId,
      gmcNumber: '1234567',
      name: 'Dr Test',
      specialtyId: specialty.id,
      divisionId: specialty.divisionId,
    });
    await db.prisma.consultant.create({ data: consultant(cardiologyA) });
    await db.prisma.consultant.create({ data: consultant(cardiologyB) });
    await expect(db.prisma.consultant.create({ data: consultant(cardiologyA) })).rejects.toThrow();
  });

  it('gives trust parameters the defaults of the metric dictionary', async () => {
    const trust = await db.prisma.organisation.create({
      data: { code: 'REE', name: 'Trust E', parameters: { create: {} } },
      include: { parameters: true },
    });
    expect(trust.parameters?.noticeThresholdDays).toBe(42);
    expect(Number(trust.parameters?.expectedWeeksElective)).toBe(42);
    expect(Number(trust.parameters?.fulfilmentTarget)).toBe(0.95);
  });
});

describe('the embedded database in a data folder', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'fulfil-pglite-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('is migrated when opened and keeps its data across restarts', async () => {
    const first = await openDatabase({ dataDir, migrate: true });
    await first.prisma.organisation.create({ data: { code: 'RFF', name: 'Persisted Trust' } });
    await first.close();

    const second = await openDatabase({ dataDir, migrate: true });
    try {
      expect(await second.prisma.organisation.findUnique({ where: { code: 'RFF' } })).toMatchObject({
        name: 'Persisted Trust',
      });
      const [row] = await second.prisma.$queryRaw<[{ count: number }]>`
        SELECT count(*)::int AS count FROM _prisma_migrations`;
      expect(row.count).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
