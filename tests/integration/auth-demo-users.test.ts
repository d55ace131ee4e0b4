import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInWithPassword } from '@/lib/server/auth/password';
import { useDatabase } from '@/lib/server/db';
import { setupDemo } from '@/lib/server/seed/demo-setup';
import { DEMO_PASSWORD, DEMO_USERS } from '@/lib/server/seed/demo-users';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('the demo trust’s users', () => {
  let db: TestDatabase;
  let csvDir: string;
  let organisationId: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    csvDir = await mkdtemp(path.join(tmpdir(), 'fulfil-demo-users-'));
    await setupDemo(db, { csvDir, consultants: 30, months: 12 });
    organisationId = (await db.prisma.organisation.findFirstOrThrow()).id;
  });
  afterAll(async () => {
    await db?.drop();
    await rm(csvDir, { recursive: true, force: true });
  });

  it('are created with the demo trust, one role assignment each, scoped as documented', async () => {
    const users = await db.prisma.user.findMany({
      where: { organisationId },
      include: { roleAssignments: true },
      orderBy: { id: 'asc' },
    });
    expect(users.map((user) => user.email)).toEqual(DEMO_USERS.map((user) => user.email));
    const [divisions, specialties] = await Promise.all([
      db.prisma.division.findMany({ where: { organisationId } }),
      db.prisma.specialty.findMany({ where: { organisationId } }),
    ]);
    const divisionCode = (id: number | null) => divisions.find((division) => division.id === id)?.code;
    const specialtyCode = (id: number | null) => specialties.find((specialty) => specialty.id === id)?.code;
    const consultantSpecialty = async (id: number | null) =>
      id === null
        ? undefined
        : specialtyCode(
            (
              await db.prisma.consultant.findUniqueOrThrow({
                where: { organisationId_id: { organisationId, id } },
              })
            ).specialtyId,
          );

    const scopes = await Promise.all(
      users.map(async (user) => {
        expect(user.roleAssignments).toHaveLength(1);
        const [assignment] = user.roleAssignments;
        return {
          email: user.email,
          role: assignment!.role,
          division: divisionCode(assignment!.divisionId),
          specialty: specialtyCode(assignment!.specialtyId),
          consultantOf: await consultantSpecialty(assignment!.consultantId),
        };
      }),
    );
    expect(scopes).toEqual([
      { email: 'admin@demo.fulfil.nhs.uk', role: 'admin' },
      { email: 'executive@demo.fulfil.nhs.uk', role: 'executive' },
      { email: 'director@demo.fulfil.nhs.uk', role: 'divisional_director', division: 'SURG' },
      { email: 'lead@demo.fulfil.nhs.uk', role: 'clinical_lead', specialty: '130' },
      { email: 'consultant@demo.fulfil.nhs.uk', role: 'consultant', consultantOf: '130' },
      { email: 'consultant2@demo.fulfil.nhs.uk', role: 'consultant', consultantOf: '320' },
      { email: 'director2@demo.fulfil.nhs.uk', role: 'divisional_director', division: 'MED' },
    ]);
    // A consultant user is named as their consultant record.
    const consultantUser = users.find((user) => user.email === 'consultant@demo.fulfil.nhs.uk')!;
    const consultant = await db.prisma.consultant.findUniqueOrThrow({
      where: { organisationId_id: { organisationId, id: consultantUser.roleAssignments[0]!.consultantId! } },
    });
    expect(consultantUser.name).toBe(consultant.name);
  });

  it('sign in with the documented password', async () => {
    const result = await signInWithPassword(db.prisma, {
      organisationId,
      email: 'lead@demo.fulfil.nhs.uk',
      password: DEMO_PASSWORD,
    });
    expect(result.status).toBe('signed-in');
  });

  it('are not created twice when the demo is set up again', async () => {
    const again = await setupDemo(db, { csvDir, consultants: 30, months: 12 });
    expect(again.status).toBe('already-loaded');
    expect(await db.prisma.user.count({ where: { organisationId } })).toBe(DEMO_USERS.length);
  });
});
