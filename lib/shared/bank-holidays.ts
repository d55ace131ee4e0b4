/**
 * England and Wales bank holidays, 2019–2028: a shipped table, so that the ledger needs no network. Source: GOV.UK
 * "UK bank holidays" (England and Wales), with the substitute days when a holiday falls at a weekend and the
 * one-off holidays (VE Day 2020, the Platinum Jubilee and the State Funeral in 2022, the Coronation in 2023).
 * 2027 and 2028 follow the standing rules (no one-off holidays announced at the time of writing). Add each new
 * year when GOV.UK publishes it; the ledger warns about dates it plans beyond the table.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  // 2019
  '2019-01-01',
  '2019-04-19',
  '2019-04-22',
  '2019-05-06',
  '2019-05-27',
  '2019-08-26',
  '2019-12-25',
  '2019-12-26',
  // 2020
  '2020-01-01',
  '2020-04-10',
  '2020-04-13',
  '2020-05-08', // Early May bank holiday (VE Day), moved from Monday 4 May
  '2020-05-25',
  '2020-08-31',
  '2020-12-25',
  '2020-12-28', // Boxing Day (substitute day)
  // 2021
  '2021-01-01',
  '2021-04-02',
  '2021-04-05',
  '2021-05-03',
  '2021-05-31',
  '2021-08-30',
  '2021-12-27', // Christmas Day (substitute day)
  '2021-12-28', // Boxing Day (substitute day)
  // 2022
  '2022-01-03', // New Year's Day (substitute day)
  '2022-04-15',
  '2022-04-18',
  '2022-05-02',
  '2022-06-02', // Spring bank holiday, moved for the Platinum Jubilee
  '2022-06-03', // Platinum Jubilee bank holiday
  '2022-08-29',
  '2022-09-19', // Bank holiday for the State Funeral of Queen Elizabeth II
  '2022-12-26',
  '2022-12-27', // Christmas Day (substitute day)
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
export const BANK_HOLIDAY_COVERAGE = { from: '2019-01-01', to: '2028-12-31' } as const;
