import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import { IGNORE_COLUMN, matchHeaders } from '@/lib/shared/import-headers';
import { findMissingColumns, resolveHeaderTargets, toColumnMapping } from './header-mapping';

const leave = IMPORT_FORMATS.leave;

describe('resolveHeaderTargets', () => {
  it('matches by explicit choice, then canonical name, then alias', () => {
    const targets = resolveHeaderTargets(leave, ['GMC Code', 'start_date', 'Leave End', 'Notes', ''], {
      notes: IGNORE_COLUMN,
    });
    expect(targets.map(({ target, how }) => [target, how])).toEqual([
      ['gmc_number', 'alias'],
      ['start_date', 'name'],
      ['end_date', 'alias'],
      [IGNORE_COLUMN, 'chosen'],
      [null, 'blank'],
    ]);
  });

  it('agrees with matchHeaders on what the file gives', () => {
    const headers = ['Consultant GMC', 'From', 'To', 'Absence Type', 'Comment'];
    const mapping = { Comment: IGNORE_COLUMN };
    const match = matchHeaders(leave, headers, mapping);
    expect(match.ok).toBe(true);
    if (!match.ok) return;
    const targets = resolveHeaderTargets(leave, headers, mapping);
    for (const [column, index] of Object.entries(match.indexes)) {
      expect(targets[index]?.target).toBe(column);
    }
  });

  it('lists the required columns that are missing, and builds the mapping to save', () => {
    const targets = resolveHeaderTargets(leave, ['GMC', 'Start', 'Holiday kind'], {
      'Holiday kind': 'leave_type',
    });
    expect(findMissingColumns(leave, targets).map((column) => column.name)).toEqual(['end_date']);
    expect(toColumnMapping(targets)).toEqual({
      GMC: 'gmc_number',
      Start: 'start_date',
      'Holiday kind': 'leave_type',
    });
  });
});
