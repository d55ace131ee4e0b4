import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveUserScope } from '@/lib/server/auth/scope';
import { getLedgerEntries } from '@/lib/server/metrics/ledger-entries';
import { getLedgerSums } from '@/lib/server/metrics/ledger-sums';
import type { UnitLevel } from '@/lib/server/metrics/scope-sql';
import { getSeries } from '@/lib/server/metrics/series';
import { getUnitReport } from '@/lib/server/metrics/unit-report';
import { getConsultantView, getSpecialtyView } from '@/lib/server/metrics/views';
import type { Role } from '@/lib/shared/permissions';
import type { Scope } from '@/lib/shared/scope';
import { consultantRow } from '../helpers/import-helpers';
import { clinic, createOrganisation, importRows, planLine } from '../helpers/ledger-scenario';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';

/**
 * What each role sees of the metrics, from the side of someone who must not see more. Trust: Surgery (SURG) with
 * Ophthalmology (130: E1–E3) and Urology (101: U1–U2, a specialty too small to total or anonymise), Medicine (MED)
 * with Cardiology (320: C1–C3). Everyone has a Monday AM clinic in March 2026 and held some of them.
 */
const PEOPLE = {
  E1: { gmc: '6100001', specialty: ['130', 'Ophthalmology'], division: ['SURG', 'Surgery'] },
  E2: { gmc: '6100002', specialty: ['130', 'Ophthalmology'], division: ['SURG', 'Surgery'] },
  E3: { gmc: '6100003', specialty: ['130', 'Ophthalmology'], division: ['SURG', 'Surgery'] },
  U1: { gmc: '6200001', specialty: ['101', 'Urology'], division: ['SURG', 'Surgery'] },
  U2: { gmc: '6200002', specialty: ['101', 'Urology'], division: ['SURG', 'Surgery'] },
  C1: { gmc: '6300001', specialty: ['320', 'Cardiology'], division: ['MED', 'Medicine'] },
  C2: { gmc: '6300002', specialty: ['320', 'Cardiology'], division: ['MED', 'Medicine'] },
  C3: { gmc: '6300003', specialty: ['320', 'Cardiology'], division: ['MED', 'Medicine'] },
} as const;
type Person = keyof typeof PEOPLE;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const MONDAYS = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'];

describe(`metrics by role and scope (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let org: number;
  const ids = {} as Record<Person, number>;
  let specialtyIds: Record<string, number>;
  let divisionIds: Record<string, number>;

  beforeAll(async () => {
    db = await createTestDatabase();
    org = await createOrganisation(db, 'SCOPE');
    await importRows(
      db,
      org,
      'consultants',
      Object.entries(PEOPLE).map(([name, person]) =>
        consultantRow(person.gmc, {
          name: `Dr ${name} Secretname`,
          specialty_code: person.specialty[0],
          specialty_name: person.specialty[1],
          division_code: person.division[0],
          division_name: person.division[1],
        }),
      ),
    );
    await importRows(
      db,
      org,
      'job-plans',
      Object.values(PEOPLE).map((person) =>
        planLine(
          { gmc: person.gmc, id: `JP-${person.gmc}`, from: '2026-01-05' },
          { day: 'Mon', period: 'AM' },
        ),
      ),
    );
    await importRows(
      db,
      org,
      'clinic-sessions',
      Object.values(PEOPLE).flatMap((person, index) =>
        MONDAYS.slice(0, 3 + (index % 3)).map((day) =>
          clinic(`${person.gmc}-${day}`, person.gmc, day, 'AM', { attended: 10 }),
        ),
      ),
    );
    for (const [name, person] of Object.entries(PEOPLE)) {
      ids[name as Person] = (
        await db.prisma.consultant.findFirstOrThrow({ where: { organisationId: org, gmcNumber: person.gmc } })
      ).id;
    }
    specialtyIds = Object.fromEntries(
      (await db.prisma.specialty.findMany({ where: { organisationId: org } })).map((s) => [s.code, s.id]),
    );
    divisionIds = Object.fromEntries(
      (await db.prisma.division.findMany({ where: { organisationId: org } })).map((d) => [d.code, d.id]),
    );
  });
  afterAll(() => db?.drop());

  /** A user with one role assignment, and the scope resolved from the database as a request would. */
  async function scopeFor(
    role: Role,
    target: { division?: string; specialty?: string; consultant?: Person } = {},
  ): Promise<Scope> {
    const user = await db.prisma.user.create({
      data: {
        organisationId: org,
        email: `${role}-${Math.random().toString(36).slice(2)}@example.nhs.uk`,
        name: role,
        roleAssignments: {
          create: {
            role,
            divisionId: target.division ? divisionIds[target.division] : null,
            specialtyId: target.specialty ? specialtyIds[target.specialty] : null,
            consultantId: target.consultant ? ids[target.consultant] : null,
          },
        },
      },
    });
    return resolveUserScope(db, org, user.id);
  }

  const report = (scope: Scope, level: UnitLevel) =>
    getUnitReport(db, scope, { level, period: MARCH, activity: 'all' });
  const keys = async (scope: Scope, level: UnitLevel) =>
    (await report(scope, level)).rows.map((row) => row.key);

  it('a consultant sees themselves named and their specialty peers only under pseudonyms', async () => {
    const scope = await scopeFor('consultant', { consultant: 'E1' });
    const consultants = await report(scope, 'consultant');
    const [self, ...peers] = consultants.rows;
    expect(self).toMatchObject({
      key: PEOPLE.E1.gmc,
      name: 'Dr E1 Secretname',
      isAnonymised: false,
      id: ids.E1,
    });
    expect(peers).toHaveLength(2);
    for (const peer of peers) {
      expect(peer.isAnonymised).toBe(true);
      expect(peer.id).toBeNull();
      expect(peer.key).toMatch(/^Colleague [2-9A-Z]{4}$/);
      expect(peer.name).toBe(peer.key);
    }
    // Nothing that identifies a peer leaves the server: no GMC number, name or id.
    expect(consultants.rows.map((row) => row.id)).toEqual([ids.E1, null, null]);
    const text = JSON.stringify(consultants);
    for (const other of ['E2', 'E3', 'U1', 'C1'] as const) {
      expect(text).not.toContain(PEOPLE[other].gmc);
      expect(text).not.toContain(`Dr ${other} `);
    }
    // Anonymised rows come sorted by pseudonym, not by anything about the person.
    expect(peers.map((peer) => peer.key)).toEqual(peers.map((peer) => peer.key).sort());
  });

  it('gives pseudonyms that are stable for the viewer and differ between viewers', async () => {
    const first = await scopeFor('consultant', { consultant: 'E1' });
    const again = await report(first, 'consultant');
    const once = await report(first, 'consultant');
    expect(again.rows.map((row) => row.key)).toEqual(once.rows.map((row) => row.key));
    const otherViewer = await scopeFor('consultant', { consultant: 'E1' });
    const seenByOther = await report(otherViewer, 'consultant');
    expect(seenByOther.rows.filter((row) => row.isAnonymised).map((row) => row.key)).not.toEqual(
      once.rows.filter((row) => row.isAnonymised).map((row) => row.key),
    );
  });

  it('a consultant sees their specialty and trust totals, nothing of other specialties or divisions', async () => {
    const scope = await scopeFor('consultant', { consultant: 'E1' });
    expect(await keys(scope, 'specialty')).toEqual(['130']);
    expect(await keys(scope, 'division')).toEqual([]);
    expect(await keys(scope, 'trust')).toEqual(['SCOPE']);
    // The specialty total counts every ophthalmologist, not only the viewer.
    const [specialty] = (await report(scope, 'specialty')).rows;
    expect(specialty?.consultants).toBe(3);
  });

  it('reads another consultant’s detail as not found, for a peer as for a stranger', async () => {
    const scope = await scopeFor('consultant', { consultant: 'E1' });
    for (const other of ['E2', 'C1'] as const) {
      expect(
        await getConsultantView(db, scope, { consultantId: ids[other], period: MARCH, activity: 'all' }),
      ).toBeNull();
      expect(
        await getLedgerEntries(db, scope, { consultantId: ids[other], period: MARCH, activity: 'all' }),
      ).toEqual([]);
    }
    expect(
      await getSpecialtyView(db, scope, {
        specialtyId: specialtyIds['320']!,
        period: MARCH,
        activity: 'all',
      }),
    ).toBeNull();
    const own = await getConsultantView(db, scope, { consultantId: ids.E1, period: MARCH, activity: 'all' });
    expect(own?.consultant.key).toBe(PEOPLE.E1.gmc);
    expect(own?.sessions.length).toBeGreaterThan(0);
  });

  it('in a specialty too small to hide anyone, a consultant sees neither peers nor its total', async () => {
    const scope = await scopeFor('consultant', { consultant: 'U1' });
    expect(await keys(scope, 'consultant')).toEqual([PEOPLE.U1.gmc]);
    expect(await keys(scope, 'specialty')).toEqual([]);
  });

  it('a clinical lead sees their specialty named and other specialties only as totals', async () => {
    const scope = await scopeFor('clinical_lead', { specialty: '130' });
    expect(await keys(scope, 'consultant')).toEqual([PEOPLE.E1.gmc, PEOPLE.E2.gmc, PEOPLE.E3.gmc]);
    // Urology has two consultants the lead may not see named: its total would point at them.
    expect((await keys(scope, 'specialty')).sort()).toEqual(['130', '320']);
    expect(
      await getConsultantView(db, scope, { consultantId: ids.C1, period: MARCH, activity: 'all' }),
    ).toBeNull();
    const series = await getSeries(db, scope, {
      level: 'consultant',
      bucket: 'week',
      period: MARCH,
      activity: 'all',
    });
    expect(series.map((unit) => unit.key).sort()).toEqual([PEOPLE.E1.gmc, PEOPLE.E2.gmc, PEOPLE.E3.gmc]);
  });

  it('a divisional director sees their division named, and nothing of another division', async () => {
    const scope = await scopeFor('divisional_director', { division: 'SURG' });
    expect((await keys(scope, 'consultant')).sort()).toEqual(
      [PEOPLE.E1, PEOPLE.E2, PEOPLE.E3, PEOPLE.U1, PEOPLE.U2].map((person) => person.gmc).sort(),
    );
    // Urology is small, but the director may see both its consultants named, so its total hides no one.
    expect((await keys(scope, 'specialty')).sort()).toEqual(['101', '130']);
    expect(await keys(scope, 'division')).toEqual(['SURG']);
    expect(
      await getSpecialtyView(db, scope, {
        specialtyId: specialtyIds['320']!,
        period: MARCH,
        activity: 'all',
      }),
    ).toBeNull();
    const medicine = await getSeries(db, scope, {
      level: 'division',
      bucket: 'month',
      period: MARCH,
      activity: 'all',
    });
    expect(medicine.map((unit) => unit.key)).toEqual(['SURG']);
    // Whole weeks of a unit's series come from the group sums, read under the same rule as the totals.
    const sums = await getLedgerSums(db, scope, {
      level: 'specialty',
      bucket: 'week',
      period: MARCH,
      activity: 'all',
    });
    expect([...new Set(sums.map((row) => row.unitId))].sort()).toEqual(
      [specialtyIds['101'], specialtyIds['130']].sort(),
    );
  });

  it('an executive sees the whole trust named', async () => {
    const scope = await scopeFor('executive');
    expect(await keys(scope, 'consultant')).toHaveLength(8);
    expect((await keys(scope, 'specialty')).sort()).toEqual(['101', '130', '320']);
    expect((await keys(scope, 'division')).sort()).toEqual(['MED', 'SURG']);
  });

  it('a user with no live role assignment sees nothing but the trust total', async () => {
    const user = await db.prisma.user.create({
      data: {
        organisationId: org,
        email: 'revoked@example.nhs.uk',
        name: 'Revoked',
        roleAssignments: { create: { role: 'executive', revokedAt: new Date() } },
      },
    });
    const scope = await resolveUserScope(db, org, user.id);
    expect(await keys(scope, 'consultant')).toEqual([]);
    expect(await keys(scope, 'specialty')).toEqual([]);
  });
});
