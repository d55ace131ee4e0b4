import { describe, expect, it } from 'vitest';
import { describeActionEvent, ownerIdsIn } from './action-history';

const names = new Map([
  [7, 'Dr Ada Lovelace'],
  [9, 'Mr Tom Baker'],
]);

describe('an action’s history in words', () => {
  it('says who it was given to and when it is due when created', () => {
    expect(
      describeActionEvent(
        {
          kind: 'created',
          changes: { title: 'Re-template', ownerUserId: 7, dueOn: '2026-03-31', status: 'open' },
          note: null,
        },
        names,
      ),
    ).toBe('Created, owned by Dr Ada Lovelace, due 31/03/2026.');
  });

  it('lists each change from before to after, statuses, dates, owners and figures in words', () => {
    expect(
      describeActionEvent(
        {
          kind: 'updated',
          // In jsonb's own key order (shortest first), not the reader's.
          changes: {
            dueOn: { from: null, to: '2026-04-30' },
            status: { from: 'open', to: 'in_progress' },
            ownerUserId: { from: 7, to: 9 },
            metricId: { from: null, to: 'fulfilmentNet' },
          },
          note: null,
        },
        names,
      ),
    ).toBe(
      'Status: Open → In progress; Due: none → 30/04/2026; Owner: Dr Ada Lovelace → Mr Tom Baker; Figure: none → Session fulfilment (net).',
    );
  });

  it('finds every owner an action’s history names, for one look-up of their names', () => {
    expect(
      ownerIdsIn([
        { kind: 'created', changes: { ownerUserId: 7 }, note: null },
        { kind: 'updated', changes: { ownerUserId: { from: 7, to: 9 } }, note: null },
        { kind: 'commented', changes: null, note: 'Booked' },
      ]),
    ).toEqual([7, 7, 9]);
  });
});
