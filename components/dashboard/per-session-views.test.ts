import { describe, expect, it } from 'vitest';
import { categoriesHeld } from '@/lib/shared/per-session';
import type { UnitReportRowResponse as UnitReportRow } from '@/lib/shared/schemas/metrics';
import { comparedWithMedian, describePerSession, perSessionViews } from './per-session-views';

type Held = [heldSessions: number, patients: number];

/** A consultant row with only what the views read; the mixed figure is deliberately misleading. */
function consultant(key: string, clinic: Held | null, list: Held | null): UnitReportRow {
  const own = (held: Held | null) =>
    held && {
      heldSessions: held[0],
      patients: held[1],
      casesPerSession: held[0] > 0 ? held[1] / held[0] : null,
    };
  return {
    key,
    name: `Consultant ${key}`,
    id: Number(key),
    casesPerSession: 999,
    perSessionByCategory: {
      ...(clinic ? { clinic: own(clinic) } : {}),
      ...(list ? { list: own(list) } : {}),
    },
  } as unknown as UnitReportRow;
}

// A clinic-heavy physician and a list-heavy surgeon: on a mixed figure the surgeon would look far less productive.
const rows = [
  consultant('1', [40, 480], [0, 0]),
  consultant('2', [10, 100], [30, 90]),
  consultant('3', [20, 280], [20, 80]),
];

describe('perSessionViews', () => {
  it('compares consultants within each category when clinics and lists are chosen together', () => {
    const views = perSessionViews(rows, 'all', { minHeldSessions: 10 });
    expect(views.map((view) => view.label)).toEqual(['Patients per clinic session', 'Cases per list']);
    const [clinic, list] = views;
    expect(clinic?.rows.map((row) => row.casesPerSession)).toEqual([12, 10, 14]);
    expect(clinic?.median).toBe(12);
    // Consultant 1 held no list: no value, and not among those the median describes.
    expect(list?.rows.map((row) => row.casesPerSession)).toEqual([null, 3, 4]);
    expect(list?.median).toBe(3.5);
    expect(list?.summary?.n).toBe(2);
  });

  it('leaves consultants with too few held sessions out of the median, but not out of the table', () => {
    const [clinic] = perSessionViews(rows, 'clinic', { minHeldSessions: 15 });
    expect(clinic?.rows).toHaveLength(3);
    expect(clinic?.median).toBe(13);
  });

  it('shows one category alone when one is chosen, and leaves out a category nobody held under both', () => {
    expect(perSessionViews(rows, 'list', { minHeldSessions: 1 }).map((view) => view.category)).toEqual([
      'list',
    ]);
    const clinicsOnly = [consultant('4', [10, 100], [0, 0]), consultant('5', [12, 96], null)];
    expect(perSessionViews(clinicsOnly, 'all', { minHeldSessions: 1 }).map((view) => view.category)).toEqual([
      'clinic',
    ]);
    // Chosen explicitly, a category stays even when empty (its table column and funnel say there is nothing).
    expect(perSessionViews(clinicsOnly, 'list', { minHeldSessions: 1 }).map((view) => view.category)).toEqual(
      ['list'],
    );
  });

  it('takes each category’s target from the specialty’s benchmarks only when the benchmark is a target', () => {
    const views = perSessionViews(rows, 'all', {
      minHeldSessions: 1,
      benchmarks: { clinic: { value: 13, source: 'target' }, list: { value: 3.5, source: 'median' } },
    });
    expect(views.map((view) => view.target)).toEqual([13, null]);
  });
});

describe('categoriesHeld', () => {
  it('lists the categories a unit held sessions in', () => {
    expect(categoriesHeld(consultant('1', [40, 480], [0, 0]))).toEqual(['clinic']);
    expect(categoriesHeld(consultant('2', [10, 100], [30, 90]))).toEqual(['clinic', 'list']);
    expect(categoriesHeld(consultant('6', null, null))).toEqual([]);
  });
});

describe('comparedWithMedian', () => {
  it('says where a value sits against the median, and nothing without both', () => {
    expect(comparedWithMedian(12, 12)).toBe(' (at or above median)');
    expect(comparedWithMedian(11.9, 12)).toBe(' (below median)');
    expect(comparedWithMedian(null, 12)).toBe('');
    expect(comparedWithMedian(12, null)).toBe('');
  });
});

describe('describePerSession', () => {
  it('gives each category’s own figure when the unit ran both, else the sums behind its one figure', () => {
    const both = { ...consultant('2', [10, 100], [30, 90]), patients: 190, heldSessions: 40 };
    expect(describePerSession(both)).toBe('Patients per clinic session: 10.0 · Cases per list: 3.0');
    const clinicOnly = { ...consultant('1', [40, 480], [0, 0]), patients: 480, heldSessions: 40 };
    expect(describePerSession(clinicOnly)).toBe('480 patients in 40 held clinic sessions');
    const listOnly = { ...consultant('7', null, [30, 90]), patients: 90, heldSessions: 30 };
    expect(describePerSession(listOnly)).toBe('90 cases in 30 held lists');
    expect(describePerSession({ ...consultant('8', null, null), patients: 0, heldSessions: 0 })).toBe(
      'No held sessions',
    );
  });
});
