import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getConsultantSpecialtyId } from '@/lib/server/dal/consultants';
import { useDatabase } from '@/lib/server/db';
import { trustWideScope } from '@/lib/shared/scope';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

describe(`the consultant's specialty lookup (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  const trusts = {} as Record<
    'A' | 'B',
    { organisationId: number; specialtyId: number; consultantId: number }
  >;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    for (const code of ['A', 'B'] as const) {
      const organisation = await db.prisma.organisation.create({ data: { code: `RS${code}`, name: code } });
      const division = await db.prisma.division.create({
        data: { organisationId: organisation.id, code: 'MED', name: 'Medicine' },
      });
      const specialty = await db.prisma.specialty.create({
        data: { organisationId: organisation.id, code: '320', name: 'Cardiology', divisionId: division.id },
      });
      const consultant = await db.prisma.consultant.create({
        data: {
          organisationId: organisation.id,
          gmcNumber: '1234567',
          name: `Dr ${code}`,
          specialtyId: specialty.id,
          divisionId: division.id,
        },
      });
      trusts[code] = {
        organisationId: organisation.id,
        specialtyId: specialty.id,
        consultantId: consultant.id,
      };
    }
  });
  afterAll(() => db.drop());

  it("gives the specialty of a consultant of the caller's organisation", async () => {
    const { organisationId, specialtyId, consultantId } = trusts.A;
    expect(await getConsultantSpecialtyId(trustWideScope(organisationId), consultantId)).toBe(specialtyId);
  });

  it('gives null for a consultant of another organisation, and for an unknown one', async () => {
    const scope = trustWideScope(trusts.A.organisationId);
    expect(trusts.B.consultantId).not.toBe(trusts.A.consultantId);
    expect(await getConsultantSpecialtyId(scope, trusts.B.consultantId)).toBeNull();
    expect(await getConsultantSpecialtyId(scope, 2_147_483_647)).toBeNull();
  });
});
