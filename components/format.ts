/** Display formatting shared by server and client components: en-GB, dd/mm/yyyy, Europe/London. */

export const DISPLAY_TIME_ZONE = 'Europe/London';

const numberFormat = new Intl.NumberFormat('en-GB');
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 12345 → "12,345". */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A count with its noun: 1 → "1 consultant", 1200 → "1,200 consultants". */
export function formatCount(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * A date as dd/mm/yyyy. A calendar date ("2024-03-31") is shown as written: it names a day, not an instant,
 * so no time-zone conversion may move it. Instants are shown in Europe/London.
 */
export function formatDate(value: string | Date): string {
  if (typeof value === 'string') {
    const match = CALENDAR_DATE.exec(value);
    if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  }
  return dateFormat.format(new Date(value));
}

/** An instant as dd/mm/yyyy, hh:mm in Europe/London. */
export function formatDateTime(value: string | Date): string {
  return dateTimeFormat.format(new Date(value));
}

const londonCalendarDate = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE });
const relativeDays = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** How many calendar days (in Europe/London) lie between an instant and now: "today", "yesterday", "3 days ago". */
export function formatDaysAgo(value: string | Date, now: Date = new Date()): string {
  const day = (instant: Date) => Date.parse(`${londonCalendarDate.format(instant)}T00:00:00Z`) / 86_400_000;
  return relativeDays.format(day(new Date(value)) - day(now), 'day');
}
