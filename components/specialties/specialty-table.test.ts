import { describe, expect, it } from 'vitest';
import type { SpecialtyRow } from '@/lib/server/dal/organisation';
import { groupByDivision } from './specialty-table';

function specialty(code: string, divisionCode: string): SpecialtyRow {
  return { code, name: code, divisionCode, divisionName: `Division ${divisionCode}`, consultantCount: 1 };
}

describe('groupByDivision', () => {
  it('keeps the order of divisions and of specialties within them', () => {
    const groups = groupByDivision([specialty('100', 'S'), specialty('101', 'S'), specialty('300', 'M')]);
    expect(groups.map((group) => group.divisionCode)).toEqual(['S', 'M']);
    expect(groups[0]?.specialties.map((row) => row.code)).toEqual(['100', '101']);
  });

  it('returns no groups for no specialties', () => {
    expect(groupByDivision([])).toEqual([]);
  });
});
