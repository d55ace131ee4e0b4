import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AGENDA_TOPICS, type AgendaView, type MemberView } from '@/lib/shared/review-agenda';
import { agendaScreens } from './agenda-screens';
import { MeetingPresenter } from './meeting-presenter';
import { PresenterNotes } from './presenter-notes';
import { screenNotes } from './screen-notes';

const colleague = (label: string): MemberView => ({
  kind: 'consultant',
  consultantId: null,
  key: label,
  name: label,
  isAnonymised: true,
});

const members = Array.from({ length: 30 }, (_, index) => ({
  member: colleague(`Colleague ${index + 1}`),
  fulfilmentNet: 0.5 + index / 100,
  totalDelivery: 0.9,
  casesPerSession: 10,
  lostSessions: 2,
  opportunityPerWeek: { fulfilment: 1, productivity: 0.5, total: 1.5 },
}));

/** An anonymised agenda of thirty consultants: more rows than fit on a screen. */
const agenda: AgendaView = {
  version: 1,
  unit: { level: 'specialty', id: 1, code: '130', name: 'Ophthalmology', divisionId: 1 },
  period: { from: '2026-01-01', to: '2026-03-31' },
  activity: 'all',
  takenAt: '2026-04-02T09:00:00.000Z',
  coveredPeriod: { from: '2026-01-01', to: '2026-03-31' },
  weeks: 12.9,
  parameters: {
    fulfilmentTarget: 0.95,
    reviewFulfilmentBelow: 0.8,
    reviewTotalDeliveryAbove: 1.1,
    reviewMonths: 3,
  },
  headline: [
    {
      metricId: 'fulfilmentNet',
      label: 'Session fulfilment (net)',
      unit: 'ratio',
      value: 0.8123,
      target: 0.95,
      targetSource: 'Trust parameter',
      variation: 'common_cause',
      assurance: 'fail',
    },
  ],
  trend: [
    {
      from: '2026-03-23',
      to: '2026-03-29',
      fulfilmentNet: 0.8,
      totalDelivery: 0.9,
      casesPerSession: 9.5,
      patientsPerWeek: 120,
    },
  ],
  funnel: {
    basis: 'consultant',
    centre: 0.8,
    points: members.map(({ member }) => ({
      member,
      numerator: 10,
      denominator: 13,
      value: 10 / 13,
      limits95: { lower: 0.6, upper: 0.95 },
      limits998: { lower: 0.5, upper: 1 },
      outlierDirection: null,
    })),
  },
  lostSessions: {
    byOutcome: {
      hospitalCancelled: 3,
      notScheduled: 4,
      leaveAdequateNotice: 5,
      leaveShortNotice: 1,
      sickness: 0,
    },
    byReason: [{ reason: 'No beds', sessions: 3 }],
  },
  members,
  workload: { window: { from: '2026-01-01', to: '2026-03-31' }, rows: [] },
  opportunities: { total: 16.5, rows: members },
  forReview: [
    { member: members[0]?.member as MemberView, rule: 'low_fulfilment', months: 3, month: '2026-03-01' },
  ],
  annotations: [],
  challenges: [],
  actionsCarriedForward: [
    {
      id: 1,
      title: 'Re-template the Monday clinic',
      status: 'open',
      dueOn: '2026-02-01',
      isOverdue: true,
      ownerUserId: null,
      ownerName: null,
      member: null,
      specialtyId: 1,
      metricId: null,
      meetingId: 1,
      createdAt: '2026-01-05T10:00:00.000Z',
      closedAt: null,
    },
  ],
  newActions: [],
};

/** The first workload screen of an agenda, as markup. */
const renderWorkload = (view: AgendaView) =>
  renderToStaticMarkup(
    createElement(
      'div',
      null,
      agendaScreens(view)
        .find((screen) => screen.id === 'workload')
        ?.render(),
    ),
  );

describe('the agenda on the projector', () => {
  it('renders every topic of the standard agenda, in order, a long one over several screens', () => {
    const screens = agendaScreens(agenda);
    expect(screens.map((screen) => screen.id)).toEqual([
      'headline',
      'trend',
      'funnel',
      'funnel-2',
      'funnel-3',
      'lostSessions',
      'workload',
      'opportunities',
      'opportunities-2',
      'opportunities-3',
      'annotations',
      'actionsCarriedForward',
      'newActions',
    ]);
    expect(screens.map((screen) => screen.topic)).toEqual(
      screens.map((screen) => screen.id.replace(/-\d+$/, '')),
    );
    expect(screens[3]?.title).toBe('Fulfilment: where each consultant sits on the funnel (2 of 3)');
    expect(screens[3]?.shortTitle).toBe('Funnel 2/3');
    // Its list says what the sessions after "of" are.
    expect(renderToStaticMarkup(createElement('div', null, screens[3]?.render()))).toMatch(
      />Fulfilment of expected sessions<\/th>.*>\d+\.\d% of [\d,.]+<\/td>/,
    );
    for (const screen of screens)
      expect(renderToStaticMarkup(createElement('div', null, screen.render()))).toBeTruthy();
  });

  it('lists every consultant once across the screens of a topic, none scrolled off or left out', () => {
    const opportunityRows = agendaScreens(agenda)
      .filter((screen) => screen.topic === 'opportunities')
      .map((screen) => renderToStaticMarkup(createElement('div', null, screen.render())));
    expect(opportunityRows.map((html) => (html.match(/<tr/g) ?? []).length - 1)).toEqual([10, 10, 10]);
    const everyName = opportunityRows.join('').match(/Colleague \d+/g);
    expect(everyName).toEqual(members.map(({ member }) => member.name));
  });

  it('draws the funnel with every consultant numbered beside the list of who each number is', () => {
    const html = renderToStaticMarkup(
      createElement(
        'div',
        null,
        agendaScreens(agenda)
          .find((screen) => screen.id === 'funnel-2')
          ?.render(),
      ),
    );
    // Every screen of the topic draws all thirty points; this one lists the 13th to the 24th.
    expect(html.match(/<circle/g)).toHaveLength(30);
    expect(html).toContain('13. Colleague 13');
    expect(html).toContain('24. Colleague 24');
    expect(html).not.toContain('25. Colleague 25');
  });

  it('numbers the points that have room (placement: funnel-labels.test.ts), and lists the ones it could not number', () => {
    const html = renderToStaticMarkup(
      createElement(
        'div',
        null,
        agendaScreens(agenda)
          .find((screen) => screen.id === 'funnel')
          ?.render(),
      ),
    );
    // Thirty consultants on one spot (10 of 13 each): only a few numbers fit around it, at different places.
    const numbers = [
      ...html.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="24" fill="#212b32">(\d+)<\/text>/g),
    ];
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.length).toBeLessThan(30);
    const places = numbers.map((match) => `${match[1]},${match[2]}`);
    expect(new Set(places).size).toBe(places.length);
    expect(numbers.map((match) => match[3])).toContain('1');
    expect(html).toContain('1. Colleague 1</td>');
    expect(html).toContain(
      '12. Colleague 12 <span class="whitespace-nowrap">(not numbered on the plot)</span>',
    );
    expect(html).toContain('marked “not numbered on the plot” in the list');
  });

  it('names each consultant’s specialty in a division’s workload table, and says why where it does not', () => {
    const months = [{ from: '2026-01-01', to: '2026-01-31', totalDelivery: 1.2 }];
    const division: AgendaView = {
      ...agenda,
      unit: { level: 'division', id: 1, code: 'SURG', name: 'Surgery', divisionId: 1 },
      workload: {
        window: { from: '2026-01-01', to: '2026-01-31' },
        rows: [
          { member: colleague('Colleague 1'), months, flag: 'over', specialty: 'Ophthalmology' },
          { member: colleague('Colleague 2'), months, flag: null, specialty: null },
        ],
      },
    };
    const html = renderWorkload(division);
    expect(html).toMatch(
      /<th scope="col"[^>]*>Total delivery<\/th><th scope="col"[^>]*>Specialty<\/th><th[^>]*>Jan 2026<\/th>/,
    );
    expect(html).toContain(
      '<td class="py-1.5 pr-6 align-top">Colleague 1</td><td class="py-1.5 pr-6 align-top">Ophthalmology</td>',
    );
    expect(html).toContain(
      '<td class="py-1.5 pr-6 align-top">Colleague 2</td><td class="py-1.5 pr-6 align-top">Not shown</td>',
    );
    expect(html).toContain(
      'Not shown: a specialty with too few consultants here would say who an anonymised consultant is.',
    );
    // The printed pack has the same column.
    const printed = agendaScreens(division, { isPaged: false }).find((screen) => screen.id === 'workload');
    expect(renderToStaticMarkup(createElement('div', null, printed?.render()))).toContain('>Specialty</th>');
    // A specialty's meeting: one specialty, no column.
    const own = renderWorkload({ ...division, unit: agenda.unit });
    expect(own).not.toContain('Specialty');
    expect(own).not.toContain('Not shown');
    // With the column, rows are paged by the height they take: flagged rows with wrapping names and specialties
    // six a screen, two-line rows eight, one-line rows fifteen (ten rows of two lines ran off the screen); a
    // specialty's meeting ten rows.
    const rowsOf = (count: number, specialty: string, flag: 'over' | null = null, name = 'Colleague') =>
      Array.from({ length: count }, (_, index) => ({
        member: colleague(`${name} ${index + 1}`),
        months,
        flag,
        specialty,
      }));
    const screensOf = (view: AgendaView) =>
      agendaScreens(view).filter((screen) => screen.topic === 'workload');
    const withRows = (rows: ReturnType<typeof rowsOf>): AgendaView => ({
      ...division,
      workload: { ...division.workload, rows },
    });
    const worst = screensOf(
      withRows(rowsOf(7, 'Trauma and Orthopaedic Service', 'over', 'Mr Christopher Fitzgerald O’Connor')),
    );
    expect(worst.map((screen) => screen.id)).toEqual(['workload', 'workload-2']);
    const secondScreen = renderToStaticMarkup(createElement('div', null, worst[1]?.render()));
    // Its "for review" list went on the first screen: the second says so, not that there is nothing.
    expect(secondScreen).toContain('All of it is on the earlier screens of this topic.');
    expect(secondScreen).not.toContain('Nothing to show for this period.');
    expect(secondScreen).toContain('>Mr Christopher Fitzgerald O’Connor 7</td>');
    expect(secondScreen).not.toContain('>Mr Christopher Fitzgerald O’Connor 6</td>');
    expect(screensOf(withRows(rowsOf(8, 'Trauma and Orthopaedic Service')))).toHaveLength(1);
    expect(screensOf(withRows(rowsOf(9, 'Trauma and Orthopaedic Service')))).toHaveLength(2);
    expect(screensOf(withRows(rowsOf(15, 'Urology Service')))).toHaveLength(1);
    expect(screensOf(withRows(rowsOf(16, 'Urology Service')))).toHaveLength(2);
    expect(screensOf({ ...withRows(rowsOf(11, 'Urology Service')), unit: agenda.unit })).toHaveLength(2);
    // The printed pack: one page of everything.
    expect(
      agendaScreens(withRows(rowsOf(13, 'Urology Service')), { isPaged: false }).filter(
        (screen) => screen.topic === 'workload',
      ),
    ).toHaveLength(1);
  });

  it('says each consultant’s specialty in a division’s “for review” list by the workload table’s rule', () => {
    const division: AgendaView = {
      ...agenda,
      unit: { level: 'division', id: 1, code: 'SURG', name: 'Surgery', divisionId: 1 },
      forReview: [
        {
          member: colleague('Colleague 1'),
          rule: 'low_fulfilment',
          months: 3,
          month: '2026-03-01',
          specialty: 'Ophthalmology',
        },
        {
          member: colleague('Colleague 2'),
          rule: 'high_total_delivery',
          months: 4,
          month: '2026-03-01',
          specialty: null,
        },
      ],
    };
    const html = renderWorkload(division);
    const forReview = html.slice(html.indexOf('<caption class="sr-only">For review</caption>'));
    expect(forReview).toMatch(
      /<th scope="col"[^>]*>For review<\/th><th scope="col"[^>]*>Specialty<\/th><th scope="col"[^>]*>Rule<\/th>/,
    );
    expect(forReview).toContain(
      '<td class="py-1.5 pr-6 align-top">Colleague 1</td><td class="py-1.5 pr-6 align-top">Ophthalmology</td>',
    );
    expect(forReview).toContain(
      '<td class="py-1.5 pr-6 align-top">Colleague 2</td><td class="py-1.5 pr-6 align-top">Not shown</td>',
    );
    // At the workload table's compact size, so that the two tables share the screen.
    expect(html).toMatch(/text-\[1\.5rem\]"><caption class="sr-only">For review/);
    expect(html).toContain('Not shown: a specialty with too few consultants here');
    // Its rule's words wrap in a narrower column: five rows a screen, the rest on the topic's next screens.
    const many: AgendaView = {
      ...division,
      forReview: Array.from({ length: 6 }, (_, index) => ({
        member: colleague(`Colleague ${index + 1}`),
        rule: 'low_fulfilment' as const,
        months: 3,
        month: '2026-03-01',
        specialty: 'Trauma and orthopaedics',
      })),
    };
    const workloadScreens = agendaScreens(many).filter((screen) => screen.topic === 'workload');
    expect(workloadScreens.map((screen) => screen.id)).toEqual(['workload', 'workload-2']);
    const second = renderToStaticMarkup(createElement('div', null, workloadScreens[1]?.render()));
    expect(second).toContain('>Colleague 6</td>');
    expect(second).not.toContain('>Colleague 5</td>');
    // A specialty's meeting: no column.
    expect(renderWorkload({ ...division, unit: agenda.unit })).not.toContain('Specialty');
  });

  it('shows patients or cases per session per category with clinics and lists together, each against its own target', () => {
    const perSession = (
      category: 'clinic' | 'list',
      label: string,
      value: number,
      target: number | null,
    ) => ({
      metricId: 'casesPerSession',
      category,
      label,
      unit: 'patientsPerSession',
      value,
      target,
      targetSource: target === null ? null : 'Trust target',
      variation: 'common_cause' as const,
      assurance: null,
    });
    const both: AgendaView = {
      ...agenda,
      headline: [
        ...agenda.headline,
        perSession('clinic', 'Patients per clinic session', 11.04, null),
        perSession('list', 'Cases per list', 4.26, 5),
      ],
    };
    const screens = agendaScreens(both, {
      changes: [{ metricId: 'casesPerSession', category: 'list', live: 4.5 }],
    });
    const headline = renderToStaticMarkup(createElement('div', null, screens[0]?.render()));
    // One tile for the two categories (the grid keeps its two rows of four), each figure apart.
    expect(headline.match(/<li class="border-4/g)).toHaveLength(2);
    expect(headline).toContain('Patients or cases per session');
    expect(headline).toMatch(/Patients per clinic session<\/p>.*11\.0.*No target/);
    expect(headline).toMatch(/Cases per list<\/p>.*4\.3.*Target 5\.0.*Now 4\.5/);
    // The later import changed the lists' figure only.
    expect(headline.match(/Now /g)).toHaveLength(1);
    // The presenter notes name the category.
    expect(screenNotes(both).headline).toContain('Cases per list: 4.3 against a target of 5.0.');

    // An older snapshot's single mixed figure is shown as frozen, under the label the server gives it.
    const older: AgendaView = {
      ...agenda,
      headline: [
        ...agenda.headline,
        {
          ...perSession('clinic', 'Patients or cases per session, clinics and lists combined', 8.2, null),
          category: undefined,
        },
      ],
    };
    const olderHeadline = renderToStaticMarkup(createElement('div', null, agendaScreens(older)[0]?.render()));
    expect(olderHeadline).toContain('Patients or cases per session, clinics and lists combined');
    expect(olderHeadline).toContain('8.2');
  });

  it('shows each consultant’s own patients or cases per session beside their opportunity, per category', () => {
    const figure = (category: 'clinic' | 'list', label: string) => ({
      metricId: 'casesPerSession',
      category,
      label,
      unit: 'patientsPerSession',
      value: 8,
      target: null,
      targetSource: null,
      variation: null,
      assurance: null,
    });
    const both: AgendaView = {
      ...agenda,
      headline: [figure('clinic', 'Patients per clinic session'), figure('list', 'Cases per list')],
      opportunities: {
        total: 1.5,
        rows: [
          { ...members[0], casesPerSessionByCategory: { clinic: 11.04, list: null } } as (typeof members)[0],
        ],
      },
    };
    const opportunitiesOf = (view: AgendaView) =>
      renderToStaticMarkup(
        createElement(
          'div',
          null,
          agendaScreens(view)
            .find((screen) => screen.id === 'opportunities')
            ?.render(),
        ),
      );
    const markup = opportunitiesOf(both);
    expect(markup).toMatch(/Patients per clinic session<\/th>.*Cases per list<\/th>.*From fulfilment/);
    // Clinics 11.0; no lists held: a dash, not a zero.
    expect(markup).toMatch(/Colleague 1<\/t[hd]><td[^>]*>11\.0<\/td><td[^>]*>–<\/td>/);
    // One activity reviewed: its one figure, named for it.
    const lists = opportunitiesOf({ ...agenda, activity: 'list' });
    expect(lists).toMatch(/Cases per list<\/th>.*From fulfilment/);
    expect(lists).toMatch(/Colleague 1<\/t[hd]><td[^>]*>10\.0<\/td>/);
  });

  it('says what each note is about: a session, a week, or a figure by its label', () => {
    const note = (id: number, about: { sessionDate?: string; weekStart?: string; metricId?: string }) => ({
      id,
      member: colleague('Colleague 1'),
      sessionDate: about.sessionDate ?? null,
      sessionPeriod: about.sessionDate ? 'AM' : null,
      weekStart: about.weekStart ?? null,
      metricId: about.metricId ?? null,
      text: `Note ${id}`,
      authorName: null,
      createdAt: '2026-04-01T09:00:00.000Z',
    });
    const withNotes: AgendaView = {
      ...agenda,
      annotations: [
        note(1, { sessionDate: '2026-02-03' }),
        note(2, { weekStart: '2026-02-09' }),
        note(3, { metricId: 'fulfilmentNet' }),
      ],
    };
    const screen = agendaScreens(withNotes).find((item) => item.topic === 'annotations');
    const html = renderToStaticMarkup(createElement('div', null, screen?.render()));
    expect(html).toContain('Session 03/02/2026');
    expect(html).toContain('Week of 09/02/2026');
    expect(html).toContain('Session fulfilment (net)');
    expect(html).not.toContain('The period');
  });

  it('prints each topic whole, on one page, for the pack', () => {
    const printed = agendaScreens(agenda, { isPaged: false });
    expect(printed.map((screen) => screen.id)).toEqual([...AGENDA_TOPICS]);
    const funnel = renderToStaticMarkup(createElement('div', null, printed[2]?.render()));
    expect(funnel.match(/<tr/g)).toHaveLength(31); // the header and thirty rows
  });

  it('formats figures as the dashboards do, and says overdue in words', () => {
    const screens = agendaScreens(agenda);
    const headline = renderToStaticMarkup(createElement('div', null, screens[0]?.render()));
    expect(headline).toContain('81.2%');
    expect(headline).toContain('Target 95.0%');
    const carried = renderToStaticMarkup(
      createElement(
        'div',
        null,
        screens.find((screen) => screen.topic === 'actionsCarriedForward')?.render(),
      ),
    );
    expect(carried).toContain('Open (overdue)');
    expect(carried).toContain('01/02/2026');
  });

  it('renders the presenter on its first screen with the anonymise switch', () => {
    const html = renderToStaticMarkup(
      createElement(MeetingPresenter, {
        meetingId: 7,
        title: 'Ophthalmology',
        periodLabel: '01/01/2026 to 31/03/2026',
        agenda,
        changes: [{ metricId: 'fulfilmentNet', live: 0.9 }],
        isAnonymised: true,
        status: { isClosed: false, closedOn: null, canClose: true },
        frozenAt: '02/04/2026, 10:00 (UK time)',
      }),
    );
    expect(html).toContain('Headline metrics against targets');
    expect(html).toContain('Anonymise: on');
    expect(html).toContain('Close the meeting');
    // The printed pack says when its numbers were frozen, and that it is anonymised.
    expect(html).toContain(
      'numbers frozen at 02/04/2026, 10:00 (UK time) · anonymised: consultants are not named',
    );
    expect(html).toContain('1/13');
    expect(html).toContain('where later imports have changed one, its value now is shown under it');
    // The frozen figure, and under it the live one for comparison.
    expect(html).toContain('81.2%');
    expect(html).toMatch(/Now 90\.0%.*\(later imports\)/);
  });

  it('says that colleagues are not named for a reader who sees them anonymised with the switch off', () => {
    const props = {
      meetingId: 7,
      title: 'Ophthalmology',
      periodLabel: '01/01/2026 to 31/03/2026',
      changes: [],
      status: { isClosed: false, closedOn: null, canClose: false },
      frozenAt: '02/04/2026, 10:00 (UK time)',
    };
    // The fixture's consultants are all anonymised: as a consultant reads a meeting of their specialty.
    const forConsultant = renderToStaticMarkup(
      createElement(MeetingPresenter, { ...props, agenda, isAnonymised: false }),
    );
    expect(forConsultant).toContain('Anonymise: off');
    expect(forConsultant).toContain('Colleagues are not named for you');
    // Switched on, everyone is anonymised and the switch says so by itself.
    const switchedOn = renderToStaticMarkup(
      createElement(MeetingPresenter, { ...props, agenda, isAnonymised: true }),
    );
    expect(switchedOn).not.toContain('Colleagues are not named for you');
    // A lead who sees everyone named: nothing to add.
    const named = {
      ...agenda,
      members: agenda.members.map((row) => ({
        ...row,
        member: { ...row.member, isAnonymised: false, consultantId: 1 },
      })),
    } as AgendaView;
    const forLead = renderToStaticMarkup(
      createElement(MeetingPresenter, { ...props, agenda: named, isAnonymised: false }),
    );
    expect(forLead).not.toContain('Colleagues are not named for you');
  });

  it('writes presenter notes for every screen from its numbers', () => {
    const notes = screenNotes(agenda);
    expect(Object.keys(notes)).toEqual([...AGENDA_TOPICS]);
    expect(notes.headline).toContain(
      'Session fulfilment (net): 81.2% against a target of 95.0%; it consistently fails its target.',
    );
    expect(notes.actionsCarriedForward).toEqual([
      '1 open, 0 in progress, 0 done, 0 dropped.',
      '1 overdue: agree a new date or drop them.',
    ]);
    const html = renderToStaticMarkup(createElement(PresenterNotes, { meetingId: 7, agenda }));
    expect(html).toContain('1/13: Headline metrics against targets');
    expect(html).toContain('Next: Trend');
  });

  it('shows patients per week against the same weeks a year earlier, where the snapshot has them', () => {
    const patientsPerWeek = {
      metricId: 'patientsPerWeek',
      label: 'Patients per week',
      unit: 'patientsPerWeek',
      value: 118,
      target: null,
      targetSource: null,
      variation: null,
      assurance: null,
    };
    const withBaseline: AgendaView = {
      ...agenda,
      headline: [...agenda.headline, patientsPerWeek],
      baseline: { period: { from: '2025-01-01', to: '2025-03-31' }, patientsPerWeek: 100 },
    };
    const headlineOf = (view: AgendaView) =>
      renderToStaticMarkup(createElement('div', null, agendaScreens(view)[0]?.render()));
    expect(headlineOf(withBaseline)).toContain('A year earlier 100.0 (+18.0%)');
    expect(screenNotes(withBaseline).headline).toContain(
      'Patients per week: 118.0 against 100.0 in the same weeks a year earlier (+18.0%).',
    );
    // The extracts did not reach back a year: said so, with no change.
    expect(
      headlineOf({ ...withBaseline, baseline: { ...withBaseline.baseline!, patientsPerWeek: null } }),
    ).toContain('No figure a year earlier');
    // A snapshot frozen before the baseline was taken shows the tile as it was.
    const { baseline: _baseline, ...older } = withBaseline;
    expect(headlineOf(older)).not.toContain('year earlier');
  });
});
