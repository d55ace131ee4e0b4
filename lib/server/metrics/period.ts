import { z } from 'zod';

export const isoDate = z.iso.date();

/** An inclusive range of dates (ISO yyyy-mm-dd). */
export const periodSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((period) => period.from <= period.to, { message: 'The period must end on or after its start' });

export type Period = z.infer<typeof periodSchema>;

export type ActivityFilter = 'clinic' | 'list' | 'all';

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

export function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days in an inclusive range; 0 when it is empty. */
export function daysInclusive(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) + 1);
}

/** The overlap of two inclusive ranges, or null. */
export function intersectPeriods(a: Period, b: Period): Period | null {
  // ISO dates compare as strings (Math.max would not).
  const [, from] = [a.from, b.from].sort() as [string, string];
  const [to] = [a.to, b.to].sort() as [string, string];
  return from <= to ? { from, to } : null;
}
