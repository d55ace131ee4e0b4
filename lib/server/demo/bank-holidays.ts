import { type Day, parseIsoDate } from './dates';

/**
 * England and Wales bank holidays, 2023–2028, hard-coded so the demo generator needs no package and no network.
 * Source: GOV.UK "UK bank holidays" (England and Wales), including the substitute days when a holiday falls at a
 * weekend (2 Jan 2023, 28 Dec 2026, 27–28 Dec 2027, 3 Jan 2028) and the one-off Coronation holiday (8 May 2023).
 * 2027 and 2028 follow the standing rules (Easter dates computed; no one-off holidays announced at the time of
 * writing). Extend this list before generating activity outside these years.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  // 2023
  '2023-01-02', // New Year's Day (substitute day)
  '2023-04-07', // Good Friday
  '2023-04-10', // Easter Monday
  '2023-05-01', // Early May bank holiday
  '2023-05-08', // Bank holiday for the coronation of King Charles III
  '2023-05-29', // Spring bank holiday
  '2023-08-28', // Summer bank holiday
  '2023-12-25', // Christmas Day
  '2023-12-26', // Boxing Day
  // 2024
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
  // 2025
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  // 2026
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28', // Boxing Day (substitute day)
  // 2027
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27', // Christmas Day (substitute day)
  '2027-12-28', // Boxing Day (substitute day)
  // 2028
  '2028-01-03', // New Year's Day (substitute day)
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
];

/** The inclusive range of dates the list above covers. */
export const BANK_HOLIDAY_COVERAGE = { from: '2023-01-01', to: '2028-12-31' } as const;

const holidayDays = new Set<Day>(ENGLAND_AND_WALES_BANK_HOLIDAYS.map(parseIsoDate));

export function isBankHoliday(value: Day): boolean {
  return holidayDays.has(value);
}
