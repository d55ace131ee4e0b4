import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS } from './import-formats';
import { columnLetter, IGNORE_COLUMN, matchHeaders, normaliseHeader } from './import-headers';

const leave = IMPORT_FORMATS.leave;
const canonical = leave.columns.map((column) => column.name);

describe('matching headers to a format', () => {
  it('accepts the canonical headers in any order', () => {
    const result = matchHeaders(leave, [...canonical].reverse());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.indexes.gmc_number).toBe(canonical.length - 1);
  });

  it('recognises common aliases, ignoring case, spaces and punctuation', () => {
    const result = matchHeaders(leave, ['Consultant GMC', 'Leave Start', 'LEAVE_END', 'Leave Type']);
    expect(result).toEqual({
      ok: true,
      indexes: { gmc_number: 0, start_date: 1, end_date: 2, leave_type: 3 },
      ignored: [],
    });
  });

  it('uses a saved mapping before the aliases, and can ignore a column', () => {
    const result = matchHeaders(leave, ['Doctor Ref', 'From', 'To', 'Kind', 'Notes'], {
      'Doctor Ref': 'gmc_number',
      Kind: 'leave_type',
      Notes: IGNORE_COLUMN,
    });
    expect(result).toEqual({
      ok: true,
      indexes: { gmc_number: 0, start_date: 1, end_date: 2, leave_type: 3 },
      ignored: ['Notes'],
    });
  });

  it('names unknown, duplicate, blank and missing columns with their letters', () => {
    const result = matchHeaders(leave, ['gmc_number', 'GMC Code', '', 'Colour', 'start_date', 'end_date']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ column: 'B', message: expect.stringContaining('both give gmc_number') }),
      expect.objectContaining({ column: 'C', message: 'column C has no header' }),
      expect.objectContaining({
        column: 'D',
        value: 'Colour',
        message: expect.stringContaining('is not a leave column'),
      }),
      expect.objectContaining({
        value: 'leave_type',
        message: expect.stringContaining('required column leave_type is missing'),
      }),
    ]);
  });
});

describe('helpers', () => {
  it('normalises headers', () => {
    expect(normaliseHeader(' Consultant GMC-Code ')).toBe('consultantgmccode');
  });
  it('gives spreadsheet column letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
