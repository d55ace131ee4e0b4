import { hashPassword } from '@/lib/server/auth/password';
import type { PrismaClient } from '@/lib/server/generated/prisma/client';
import type { Role } from '@/lib/server/generated/prisma/enums';

/**
 * The demo trust's users: one for every role, plus a consultant of another specialty and a director of another
 * division (so that what a role must not see can be shown and tested). All share one documented password; they
 * exist only in the demo trust. Listed in the README ("Demo sign-in").
 */
export const DEMO_PASSWORD = 'fulfil-demo-password';

export type DemoUserKey =
  | 'admin'
  | 'executive'
  | 'director'
  | 'director2'
  | 'lead'
  | 'consultant'
  | 'consultant2';

/** What the role covers: the trust, a division or specialty (by code), or the first consultant of a specialty. */
export type DemoUserScope =
  | { kind: 'trust' }
  | { kind: 'division'; divisionCode: string }
  | { kind: 'specialty'; specialtyCode: string }
  | { kind: 'consultant'; specialtyCode: string };

export interface DemoUser {
  key: DemoUserKey;
  email: string;
  /** The consultant users take their consultant record's name instead. */
  name: string;
  role: Role;
  scope: DemoUserScope;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    key: 'admin',
    email: 'admin@demo.fulfil.nhs.uk',
    name: 'Demo administrator',
    role: 'admin',
    scope: { kind: 'trust' },
  },
  {
    key: 'executive',
    email: 'executive@demo.fulfil.nhs.uk',
    name: 'Demo medical director',
    role: 'executive',
    scope: { kind: 'trust' },
  },
  {
    key: 'director',
    email: 'director@demo.fulfil.nhs.uk',
    name: 'Demo director of Surgery',
    role: 'divisional_director',
    scope: { kind: 'division', divisionCode: 'SURG' },
  },
  {
    key: 'lead',
    email: 'lead@demo.fulfil.nhs.uk',
    name: 'Demo clinical lead for Ophthalmology',
    role: 'clinical_lead',
    scope: { kind: 'specialty', specialtyCode: '130' },
  },
  {
    key: 'consultant',
    email: 'consultant@demo.fulfil.nhs.uk',
    name: 'Demo ophthalmologist',
    role: 'consultant',
    scope: { kind: 'consultant', specialtyCode: '130' },
  },
  {
    key: 'consultant2',
    email: 'consultant2@demo.fulfil.nhs.uk',
    name: 'Demo cardiologist',
    role: 'consultant',
    scope: { kind: 'consultant', specialtyCode: '320' },
  },
  {
    key: 'director2',
    email: 'director2@demo.fulfil.nhs.uk',
    name: 'Demo director of Medicine',
    role: 'divisional_director',
    scope: { kind: 'division', divisionCode: 'MED' },
  },
];

export interface CreatedDemoUser {
  key: DemoUserKey;
  userId: number;
  email: string;
  name: string;
  role: Role;
  divisionId: number | null;
  specialtyId: number | null;
  consultantId: number | null;
}

/**
 * Creates the demo users and their role assignments in the demo trust, after its consultants are imported. Users
 * that already exist (by email) are left as they are, so it can run again on an older demo database.
 */
export async function createDemoUsers(
  prisma: PrismaClient,
  organisationId: number,
): Promise<CreatedDemoUser[]> {
  const existing = await prisma.user.findMany({
    where: { organisationId, email: { in: DEMO_USERS.map((user) => user.email) } },
    select: { email: true },
  });
  const existingEmails = new Set(existing.map((user) => user.email));
  const missing = DEMO_USERS.filter((user) => !existingEmails.has(user.email));
  if (missing.length === 0) return [];

  // One hash for all: they share the documented password, and each hash takes about a second.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created: CreatedDemoUser[] = [];
  for (const demoUser of missing) {
    const assignment = await resolveScope(prisma, organisationId, demoUser.scope);
    const user = await prisma.user.create({
      data: {
        organisationId,
        email: demoUser.email,
        name: assignment.consultantName ?? demoUser.name,
        passwordHash,
        roleAssignments: {
          create: {
            role: demoUser.role,
            divisionId: assignment.divisionId,
            specialtyId: assignment.specialtyId,
            consultantId: assignment.consultantId,
          },
        },
      },
      select: { id: true, name: true },
    });
    created.push({
      key: demoUser.key,
      userId: user.id,
      email: demoUser.email,
      name: user.name,
      role: demoUser.role,
      divisionId: assignment.divisionId,
      specialtyId: assignment.specialtyId,
      consultantId: assignment.consultantId,
    });
  }
  return created;
}

interface ResolvedScope {
  divisionId: number | null;
  specialtyId: number | null;
  consultantId: number | null;
  consultantName?: string;
}

async function resolveScope(
  prisma: PrismaClient,
  organisationId: number,
  scope: DemoUserScope,
): Promise<ResolvedScope> {
  switch (scope.kind) {
    case 'trust':
      return { divisionId: null, specialtyId: null, consultantId: null };
    case 'division': {
      const division = await prisma.division.findUniqueOrThrow({
        where: { organisationId_code: { organisationId, code: scope.divisionCode } },
        select: { id: true },
      });
      return { divisionId: division.id, specialtyId: null, consultantId: null };
    }
    case 'specialty': {
      const specialty = await prisma.specialty.findUniqueOrThrow({
        where: { organisationId_code: { organisationId, code: scope.specialtyCode } },
        select: { id: true },
      });
      return { divisionId: null, specialtyId: specialty.id, consultantId: null };
    }
    case 'consultant': {
      // The specialty's consultant with the lowest GMC number: the same person for the same demo seed.
      const consultant = await prisma.consultant.findFirstOrThrow({
        where: { organisationId, specialty: { code: scope.specialtyCode }, isActive: true },
        select: { id: true, name: true },
        orderBy: { gmcNumber: 'asc' },
      });
      return {
        divisionId: null,
        specialtyId: null,
        consultantId: consultant.id,
        consultantName: consultant.name,
      };
    }
  }
}
