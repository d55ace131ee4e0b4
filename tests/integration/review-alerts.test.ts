import { createElement } from 'react';
import { prerender } from 'react-dom/static';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewAlerts } from '@/components/reviews/review-alerts';
import type { Caller } from '@/lib/server/api/caller';
import { useDatabase } from '@/lib/server/db';
import { createAction } from '@/lib/server/reviews/create-action';
import { permissionsOf, type Role } from '@/lib/shared/permissions';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../helpers/test-database';
import { buildReviewScenario, personWith, type ReviewScenario } from './review-scenario';

/**
 * The overview's "for your attention" panel (components/reviews/review-alerts.tsx): each person sees what the
 * escalation rules ask of them — their overdue actions; for those who run reviews, the "for review" list of the
 * consultants they see named and the actions escalated to them — and nothing at all when there is nothing to do.
 */

type Person = Awaited<ReturnType<typeof personWith>>;

async function renderAlerts(person: Person, role: Role): Promise<string> {
  const caller = { ...person.actor, permissions: permissionsOf([role]) } as Caller;
  const { prelude } = await prerender(createElement(ReviewAlerts, { caller }));
  // React separates adjacent text with empty comments; read the text as the reader hears it.
  return (await new Response(prelude).text()).replaceAll('<!-- -->', '');
}

describe(`the overview's review alerts (${testDatabaseKind})`, () => {
  let db: TestDatabase;
  let scenario: ReviewScenario;
  let lead: Person;
  let director: Person;
  let urologyLead: Person;
  let executive: Person;

  beforeAll(async () => {
    db = await createTestDatabase();
    useDatabase(db);
    scenario = await buildReviewScenario(db, 'RAL');
    lead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.ophthalmology,
    });
    urologyLead = await personWith(db, scenario.org, 'clinical_lead', {
      specialtyId: scenario.specialties.urology,
    });
    director = await personWith(db, scenario.org, 'divisional_director', { divisionId: scenario.division });
    executive = await personWith(db, scenario.org, 'executive');
    // The lead's action, due long ago: overdue for them, escalated to their divisional director.
    await createAction(db, lead.actor, {
      title: 'Backfill the Monday clinic',
      specialtyId: scenario.specialties.ophthalmology,
      dueOn: '2026-01-31',
    });
  });
  afterAll(() => db?.drop());

  it('shows the lead their overdue action and the consultants on their "for review" list, linked', async () => {
    const html = await renderAlerts(lead, 'clinical_lead');
    expect(html).toContain('For your attention');
    expect(html).toContain('One of your actions is overdue');
    expect(html).toContain('on your “for review” list');
    expect(html).toContain(`href="/consultants/${scenario.consultants['6100001']}"`);
    expect(html).toContain(`href="/consultants/${scenario.consultants['6100003']}"`);
    expect(html).not.toContain(`href="/consultants/${scenario.consultants['6100002']}"`);
  });

  it('shows the divisional director the escalated action', async () => {
    const html = await renderAlerts(director, 'divisional_director');
    expect(html).toContain('One action has been overdue long enough to escalate');
  });

  it('names no consultant of another specialty, and shows nothing to those with nothing to do', async () => {
    const urology = await renderAlerts(urologyLead, 'clinical_lead');
    for (const gmc of ['6100001', '6100002', '6100003'] as const) {
      expect(urology).not.toContain(`/consultants/${scenario.consultants[gmc]}"`);
    }
    expect(await renderAlerts(executive, 'executive')).toBe('');
  });
});
