import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from '@/lib/shared/bank-holidays';
import { type Day, parseIsoDate } from './dates';

export { BANK_HOLIDAY_COVERAGE, ENGLAND_AND_WALES_BANK_HOLIDAYS } from '@/lib/shared/bank-holidays';

const holidayDays = new Set<Day>(ENGLAND_AND_WALES_BANK_HOLIDAYS.map(parseIsoDate));

export function isBankHoliday(value: Day): boolean {
  return holidayDays.has(value);
}
