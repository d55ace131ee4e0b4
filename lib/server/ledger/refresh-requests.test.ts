import { describe, expect, it } from 'vitest';
import { mergeRequests } from './refresh-requests';

describe('mergeRequests', () => {
  it('unites the consultants and spans the dates of several requests', () => {
    expect(
      mergeRequests([
        { id: 1, consultant_ids: [3, 1], date_from: '2026-03-01', date_to: '2026-03-31' },
        { id: 2, consultant_ids: [2, 3], date_from: '2026-01-10', date_to: '2026-02-01' },
      ]),
    ).toEqual({
      consultants: { kind: 'some', ids: [1, 2, 3] },
      dates: { from: '2026-01-10', to: '2026-03-31' },
    });
  });

  it('widens to every consultant or every date when any request does', () => {
    expect(
      mergeRequests([
        { id: 1, consultant_ids: [], date_from: '2026-03-01', date_to: '2026-03-31' },
        { id: 2, consultant_ids: [4], date_from: null, date_to: null },
      ]),
    ).toEqual({ consultants: { kind: 'all' }, dates: null });
  });
});
