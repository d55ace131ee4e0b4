import { formatDate, formatNumber } from '@/components/format';
import type { LedgerEntry } from '@/lib/server/metrics/ledger-entries';
import { CalendarScroller } from './calendar-scroller';
import {
  ADDITIONAL_STYLE,
  activityTypeLabel,
  CATEGORY_LABELS,
  OUTCOME_STYLES,
  outcomeLabel,
  PERIOD_LABELS,
  PLANNED_OUTCOMES,
} from './outcomes';

interface CalendarHeatmapProps {
  sessions: LedgerEntry[];
  period: { from: string; to: string };
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const PERIODS = ['AM', 'PM', 'EVE'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday index 0 = Monday … 6 = Sunday. */
function weekdayOf(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

function describeEntry(entry: LedgerEntry): string {
  const parts = [CATEGORY_LABELS[entry.category]];
  if (entry.activityType) parts.push(activityTypeLabel(entry.activityType));
  if (entry.location) parts.push(entry.location);
  if (entry.outcome === 'delivered' || entry.outcome === 'additional') {
    parts.push(`${formatNumber(entry.patients)} ${entry.category === 'list' ? 'cases' : 'patients'}`);
  }
  if (entry.cancelReason) parts.push(`reason: ${entry.cancelReason}`);
  if (entry.noticeDays !== null) parts.push(`${formatNumber(entry.noticeDays)} days’ notice`);
  return `${outcomeLabel(entry.outcome)} (${parts.join(', ')})`;
}

/**
 * Plan against delivery, one cell per half-day session: weeks as columns, weekday and period as rows. A planned
 * session's cell is coloured and marked by its outcome; a cell with an additional session carries a “+”. Cells are
 * focusable and show their details on focus or hover; the table after it says the same in words. Each line is its own
 * row with its label first, in a sticky column; a year is wider than the page, so the calendar scrolls sideways and
 * opens on the newest weeks.
 */
export function CalendarHeatmap({ sessions, period }: CalendarHeatmapProps) {
  const cells = new Map<string, LedgerEntry[]>();
  const rowsUsed = new Set<string>();
  for (const entry of sessions) {
    const key = `${entry.date}|${entry.period}`;
    cells.set(key, [...(cells.get(key) ?? []), entry]);
    rowsUsed.add(`${weekdayOf(dayOf(entry.date))}|${entry.period}`);
  }
  const rows = WEEKDAYS.flatMap((weekday, index) =>
    PERIODS.filter((slot) => rowsUsed.has(`${index}|${slot}`)).map((slot) => ({ index, weekday, slot })),
  );
  const first = dayOf(period.from);
  const firstMonday = first - weekdayOf(first);
  const last = dayOf(period.to);
  const weeks: number[] = [];
  for (let monday = firstMonday; monday <= last; monday += 7) weeks.push(monday);

  return (
    <div>
      <HeatmapLegend />
      <CalendarScroller
        label="Calendar of planned sessions by week (scrolls sideways)"
        resetKey={`${period.from}|${period.to}`}
      >
        {/* One flex row per line (the weeks' months, then each weekday and period), its label first and sticky. */}
        <div className="w-max pr-2 pb-2 text-[0.875rem]">
          <div className="flex" data-calendar-row="weeks">
            <span className={`${LABEL_CELL} h-6`}>
              <span className="sr-only">Week beginning</span>
            </span>
            <span className="flex gap-[3px]" aria-hidden="true">
              {monthLabels(weeks).map((month, index) => (
                <span
                  key={weeks[index]}
                  className="h-6 w-7 shrink-0 overflow-visible whitespace-nowrap text-nhs-dark-grey"
                >
                  {month}
                </span>
              ))}
            </span>
          </div>
          {rows.map((row) => (
            <HeatmapRow
              key={`${row.index}-${row.slot}`}
              row={row}
              weeks={weeks}
              cells={cells}
              from={first}
              to={last}
            />
          ))}
        </div>
      </CalendarScroller>
    </div>
  );
}

/**
 * Each week's month label: the month and year over its first week. A label needs two weeks' width, so a month
 * whose first week is followed at once by the next month's (a period starting in a month's last week) has none.
 */
export function monthLabels(weeks: number[]): string[] {
  const labels = weeks.map((monday, index) => {
    const iso = isoOf(monday);
    const previous = index === 0 ? null : isoOf(weeks[index - 1] as number);
    const isNewMonth = previous === null || previous.slice(5, 7) !== iso.slice(5, 7);
    return isNewMonth ? `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(2, 4)}` : '';
  });
  return labels.map((label, index) => (labels[index + 1] ? '' : label));
}

/**
 * The label column: fixed width, opaque and sticky, so the weeks slide under it when the calendar scrolls sideways
 * (with a shadow on its edge once earlier weeks are out of sight).
 */
const LABEL_CELL =
  'sticky left-0 z-10 flex w-24 shrink-0 items-center whitespace-nowrap bg-nhs-white pr-2 group-data-[scrolled=true]/calendar:shadow-[4px_0_4px_-2px_rgb(33_43_50/0.25)]';

function HeatmapRow({
  row,
  weeks,
  cells,
  from,
  to,
}: {
  row: { index: number; weekday: string; slot: 'AM' | 'PM' | 'EVE' };
  weeks: number[];
  cells: Map<string, LedgerEntry[]>;
  from: number;
  to: number;
}) {
  const label = `${row.weekday} ${PERIOD_LABELS[row.slot]}`;
  return (
    <div className="mt-[3px] flex" data-calendar-row={label}>
      <span className={`${LABEL_CELL} h-7 font-bold`}>{label}</span>
      <span className="flex gap-[3px]">
        {weeks.map((monday) => {
          const day = monday + row.index;
          const iso = isoOf(day);
          const entries = day < from || day > to ? undefined : cells.get(`${iso}|${row.slot}`);
          if (!entries)
            return <span key={iso} className="h-7 w-7 shrink-0 bg-nhs-pale-grey" aria-hidden="true" />;
          return <HeatmapCell key={iso} date={iso} weekday={row.weekday} slot={row.slot} entries={entries} />;
        })}
      </span>
    </div>
  );
}

function HeatmapCell({
  date,
  weekday,
  slot,
  entries,
}: {
  date: string;
  weekday: string;
  slot: 'AM' | 'PM' | 'EVE';
  entries: LedgerEntry[];
}) {
  const planned = entries.filter((entry) => entry.outcome !== 'additional');
  const additional = entries.filter((entry) => entry.outcome === 'additional');
  const main = planned[0];
  const style = main && main.outcome !== 'additional' ? OUTCOME_STYLES[main.outcome] : null;
  const title = `${weekday} ${formatDate(date)} ${PERIOD_LABELS[slot]}`;
  const details = entries.map(describeEntry);
  const label = `${title}: ${details.join('; ')}`;
  return (
    <span
      role="img"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: each session is focusable so its details can be read.
      tabIndex={0}
      data-outcome={main?.outcome ?? 'additional'}
      data-additional={additional.length > 0 ? 'true' : undefined}
      data-date={date}
      // The details box, drawn by CalendarScroller outside the scrolling area on focus or hover.
      data-title={title}
      data-details={JSON.stringify(details)}
      className="relative flex h-7 w-7 shrink-0 items-center justify-center border font-bold leading-none focus:outline-4 focus:outline-offset-1 focus:outline-[#ffeb3b]"
      style={
        style
          ? {
              background: style.pattern ?? style.fill,
              color: style.text,
              borderColor: style.pattern ? '#4c6272' : style.fill,
              borderStyle: style.pattern ? 'dashed' : 'solid',
            }
          : {
              background: '#ffffff',
              color: '#000000',
              borderColor: ADDITIONAL_STYLE.border,
              borderWidth: 3,
            }
      }
    >
      <span aria-hidden="true">{style ? style.symbol : ADDITIONAL_STYLE.symbol}</span>
      {style && additional.length > 0 && (
        <span
          aria-hidden="true"
          className="absolute -top-1.5 -right-1.5 flex h-3.5 w-3.5 items-center justify-center rounded-full bg-[#007f3b] text-[0.625rem] text-white"
        >
          +
        </span>
      )}
    </span>
  );
}

/** The key: every outcome's colour and symbol, and the additional-session mark. */
export function HeatmapLegend() {
  return (
    <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2" aria-label="Key to the calendar">
      {PLANNED_OUTCOMES.map((outcome) => {
        const style = OUTCOME_STYLES[outcome];
        return (
          <li key={outcome} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="flex h-6 w-6 items-center justify-center border font-bold"
              style={{
                background: style.pattern ?? style.fill,
                color: style.text,
                borderColor: style.pattern ? '#4c6272' : style.fill,
                borderStyle: style.pattern ? 'dashed' : 'solid',
              }}
            >
              {style.symbol}
            </span>
            <a href={`/definitions#${style.metricId}`}>{style.label}</a>
          </li>
        );
      })}
      <li className="flex items-center gap-2">
        <span
          aria-hidden="true"
          className="flex h-6 w-6 items-center justify-center border-[3px] bg-nhs-white font-bold"
          style={{ borderColor: ADDITIONAL_STYLE.border }}
        >
          +
        </span>
        <a href="/definitions#additional">{ADDITIONAL_STYLE.label}</a> (a small + on a planned cell)
      </li>
      <li className="flex items-center gap-2">
        <span aria-hidden="true" className="h-6 w-6 bg-nhs-pale-grey" />
        No session planned
      </li>
    </ul>
  );
}
