import { describe, expect, it } from 'vitest';
import { findConsultants } from './consultant-finder';

const consultants = [
  {
    id: 1,
    name: 'Mr Jun Wood',
    gmcNumber: '6100001',
    specialtyName: 'Ophthalmology',
    divisionName: 'Surgery',
  },
  {
    id: 2,
    name: 'Ms Aoife O’Connor',
    gmcNumber: '6100002',
    specialtyName: 'Cardiology',
    divisionName: 'Medicine',
  },
  { id: 3, name: 'Dr Zoë Wood', gmcNumber: '7200003', specialtyName: 'Cardiology', divisionName: 'Medicine' },
];
const ids = (query: string) => findConsultants(consultants, query).map((consultant) => consultant.id);

describe('findConsultants', () => {
  it('finds by any part of the name, GMC number, specialty or division, every word in any order', () => {
    expect(ids('wood')).toEqual([1, 3]);
    expect(ids('wood cardio')).toEqual([3]);
    expect(ids('cardiology wood')).toEqual([3]);
    expect(ids('610000')).toEqual([1, 2]);
    expect(ids('surgery')).toEqual([1]);
  });

  it('ignores case, accents and punctuation', () => {
    expect(ids("o'connor")).toEqual([2]);
    expect(ids('OCONNOR')).toEqual([2]);
    expect(ids('zoe')).toEqual([3]);
  });

  it('lists everyone when nothing is typed, and no one when nothing matches', () => {
    expect(ids('  ')).toEqual([1, 2, 3]);
    expect(ids('neurology')).toEqual([]);
  });
});
