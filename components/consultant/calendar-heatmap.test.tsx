import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '@/lib/server/metrics/ledger-entries';
import { CalendarHeatmap, monthLabels } from './calendar-heatmap';
import { detailsPosition } from './calendar-scroller';

function entry(date: string, period: LedgerEntry['period'], outcome: LedgerEntry['outcome']): LedgerEntry {
  return {
    date,
    period,
    category: 'clinic',
    outcome,
    activityType: 'outpatient_clinic',
    location: 'Outpatients B',
    cancelReason: null,
    noticeDays: null,
    patients: 12,
  } as LedgerEntry;
}

/** A year (Mon 3 Nov 2025 – Fri 30 Oct 2026) of Monday mornings, Tuesday afternoons and Friday evenings. */
const period = { from: '2025-11-03', to: '2026-10-30' };
const sessions: LedgerEntry[] = [
  entry('2025-11-03', 'AM', 'delivered'),
  entry('2025-11-04', 'PM', 'hospital_cancelled'),
  entry('2025-11-04', 'PM', 'additional'),
  entry('2026-10-30', 'EVE', 'leave_short_notice'),
];
const WEEKS = 52;

function render() {
  return renderToStaticMarkup(<CalendarHeatmap sessions={sessions} period={period} />);
}

/** Each row of the calendar: its name, the first thing in it (the label cell) and how many week cells follow. */
function rowsOf(html: string) {
  return [...html.matchAll(/<div [^>]*data-calendar-row="([^"]+)"><span class="([^"]*)">(.*?)<\/span>/g)].map(
    (match) => {
      const rest = html.slice((match.index ?? 0) + match[0].length);
      const row = rest.slice(0, rest.search(/<div [^>]*data-calendar-row=|<\/section>/));
      return {
        name: match[1],
        labelClass: match[2] ?? '',
        label: match[3],
        weekCells: (row.match(/<span (?:role="img"|class="h-6 |class="h-7 w-7)/g) ?? []).length,
      };
    },
  );
}

describe('CalendarHeatmap', () => {
  it('puts each row label first in its own row, in a sticky left column, before that row’s week cells', () => {
    const rows = rowsOf(render());
    expect(rows.map((row) => row.name)).toEqual(['weeks', 'Mon AM', 'Tue PM', 'Fri Evening']);
    expect(rows.map((row) => row.label)).toEqual([
      '<span class="sr-only">Week beginning',
      'Mon AM',
      'Tue PM',
      'Fri Evening',
    ]);
    for (const row of rows) {
      // The label cell is in the flow (not an absolutely placed screen-reader-only text) and sticks to the left.
      expect(row.labelClass.split(' ')).toEqual(
        expect.arrayContaining(['sticky', 'left-0', 'bg-nhs-white', 'w-24']),
      );
      expect(row.labelClass.split(' ')).not.toContain('sr-only');
      // Every row, the months' included, has one cell a week after its label.
      expect(row.weekCells).toBe(WEEKS);
    }
  });

  it('scrolls sideways in a region that is focusable and named, with no room kept empty under it', () => {
    const html = render();
    const region = html.match(/<section [^>]*>/)?.[0] ?? '';
    expect(region).toContain('aria-label="Calendar of planned sessions by week (scrolls sideways)"');
    expect(region).toContain('tabindex="0"');
    expect(region).toContain('overflow-x-auto');
    // The details boxes are drawn outside the scrolling area, so none is kept in it and no padding makes room for one.
    expect(html).not.toMatch(/\bpb-(?:[3-9]\d|\d{3})\b/);
    expect(html).not.toMatch(/group-focus-within:block/);
  });

  it('gives each session cell its details (title and lines) for the details box, matching its accessible name', () => {
    const html = render();
    const cells = [
      ...html.matchAll(
        /<span role="img" aria-label="([^"]+)"[^>]*data-title="([^"]+)" data-details="([^"]+)"/g,
      ),
    ];
    expect(cells).toHaveLength(3);
    const fromHtml = (text: string) =>
      text.replaceAll('&quot;', '"').replaceAll('&amp;', '&').replaceAll('&#x27;', "'");
    for (const [, label, title, details] of cells) {
      const lines = JSON.parse(fromHtml(details ?? '')) as string[];
      expect(fromHtml(label ?? '')).toBe(`${fromHtml(title ?? '')}: ${lines.join('; ')}`);
    }
    const tuesday = cells.find((cell) => cell[2] === 'Tue 04/11/2025 PM');
    expect(JSON.parse(fromHtml(tuesday?.[3] ?? ''))).toHaveLength(2);
  });
});

describe('detailsPosition', () => {
  const frame = { top: 100, left: 50, width: 1000, height: 250 };
  const details = { width: 288, height: 120 };

  it('puts the box under the cell, lined up with it, relative to the frame', () => {
    const cell = { top: 130, left: 200, width: 28, height: 28 };
    expect(detailsPosition(cell, frame, details, 768)).toEqual({ top: 130 + 28 + 6 - 100, left: 150 });
  });

  it('puts the box over the cell when the window has no room under it but has room above', () => {
    const cell = { top: 700, left: 200, width: 28, height: 28 };
    expect(detailsPosition(cell, frame, details, 768).top).toBe(700 - 6 - 120 - 100);
    // No room either way: under the cell (the page scrolls to it).
    expect(detailsPosition({ ...cell, top: 60 }, frame, details, 200).top).toBe(60 + 28 + 6 - 100);
  });

  it('keeps the box inside the frame at the right-hand end and at the left', () => {
    expect(detailsPosition({ top: 130, left: 1030, width: 28, height: 28 }, frame, details, 768).left).toBe(
      1000 - 288,
    );
    expect(detailsPosition({ top: 130, left: 20, width: 28, height: 28 }, frame, details, 768).left).toBe(0);
  });
});

describe('monthLabels', () => {
  const mondays = (...dates: string[]) => dates.map((date) => Date.parse(`${date}T00:00:00Z`) / 86_400_000);

  it('labels each month over its first week, leaving out a month with no room before the next one', () => {
    // 27 Oct 2025 is October's last week: its label would run into November's.
    expect(
      monthLabels(
        mondays('2025-10-27', '2025-11-03', '2025-11-10', '2025-11-17', '2025-11-24', '2025-12-01'),
      ),
    ).toEqual(['', 'Nov 25', '', '', '', 'Dec 25']);
    expect(monthLabels(mondays('2025-10-20', '2025-10-27', '2025-11-03'))).toEqual(['Oct 25', '', 'Nov 25']);
  });
});
