/**
 * Calendar dates as whole days since 1970-01-01 (a `Day`), with no time zone and no `Date` objects on the
 * hot path: the generator compares and steps through hundreds of thousands of dates.
 */
export type Day = number;

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** ISO weekday names as the extracts spell them (1 = Mon … 7 = Sun). */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(value: Day): { year: number; month: number; day: number } {
  const z = value + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses `YYYY-MM-DD`; throws on anything else, including impossible dates such as 2026-02-30. */
export function parseIsoDate(text: string): Day {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${text}`);
  const value = dayFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  if (formatIsoDate(value) !== text) throw new RangeError(`Not a calendar date: ${text}`);
  return value;
}

export function formatIsoDate(value: Day): string {
  const { year, month, day } = civilFromDay(value);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(value: Day): Weekday {
  return (((((value + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** The Monday of the ISO week containing `value`. */
export function mondayOf(value: Day): Day {
  return value - (isoWeekday(value) - 1);
}

export function isWeekend(value: Day): boolean {
  return isoWeekday(value) >= 6;
}

/** Adds calendar months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(value: Day, months: number): Day {
  const { year, month, day } = civilFromDay(value);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const first = dayFromCivil(targetYear, targetMonth, 1);
  const next =
    targetMonth === 12 ? dayFromCivil(targetYear + 1, 1, 1) : dayFromCivil(targetYear, targetMonth + 1, 1);
  return first + Math.min(day, next - first) - 1;
}

/** First day of the month containing `value`. */
export function startOfMonth(value: Day): Day {
  const { year, month } = civilFromDay(value);
  return dayFromCivil(year, month, 1);
}

/** Minutes after midnight as `HH:MM`. */
export function formatTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** `HH:MM` as minutes after midnight. */
export function parseTime(text: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Not a time (HH:MM): ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}
