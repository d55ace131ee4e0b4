/**
 * Reference data for the fictional demo trust: the organisation, its divisions, and twelve specialties keyed by
 * their real NHS treatment function codes (names as in the NHS Data Model and Dictionary, DCB0028), with the
 * activity profile the generator uses for each.
 */

export const DEMO_ORGANISATION = {
  code: 'RXX',
  name: 'Northbridge University Hospitals NHS Foundation Trust',
} as const;

export interface DivisionDef {
  code: string;
  name: string;
}

export const DIVISIONS: readonly DivisionDef[] = [
  { code: 'SURG', name: 'Surgery' },
  { code: 'MED', name: 'Medicine' },
  { code: 'WCD', name: "Women's and Children's" },
];

export type ListType = 'theatre' | 'endoscopy';

export interface ListProfile {
  type: ListType;
  /** Weekly lists per consultant, inclusive range. */
  perWeek: readonly [number, number];
  /** Expected cases (endoscopy: procedures) per half-day list in the job plan. */
  expected: readonly [number, number];
  /** Theatre code prefix: TH01…, EYE1…, ENDO1… */
  theatrePrefix: 'TH' | 'EYE' | 'ENDO';
  /** Share of consultants whose weekly lists include an all-day (AM+PM) list. */
  allDayShare: number;
  /** Cases done per list as a share of the plan's expected cases (before on-the-day cancellations). */
  bookingRatio: number;
}

export interface SpecialtyDef {
  /** NHS treatment function code. */
  code: string;
  /** Treatment function name, as published (DCB0028). */
  name: string;
  /** The name clinicians use, for screens. */
  shortName: string;
  /** Prefix of the structured clinic codes (e.g. OPH-C-MON-AM-01). */
  abbrev: string;
  divisionCode: string;
  /** Relative consultant headcount (a 150-consultant trust gets exactly these numbers). */
  weight: number;
  /** Surgeons are Mr/Ms/Miss; physicians Dr. */
  isSurgical: boolean;
  femaleShare: number;
  /** Whether consultants do a 1-in-N weekend on-call. */
  hasOnCall: boolean;
  clinic: {
    perWeek: readonly [number, number];
    /** Template slots (new + follow-up) and expected patients per clinic. */
    expected: readonly [number, number];
    /** Share of template slots that are for new patients. */
    newShare: number;
    /** Structured (`OPH-C-MON-AM-01`) or PAS-style (`CL1234`) clinic codes. */
    codeStyle: 'structured' | 'pas';
  };
  lists?: ListProfile;
  /** Clinical sessions beyond clinics and lists (ward rounds, or other direct clinical care). */
  fillerActivity: 'ward_round' | 'other';
}

export const SPECIALTIES: readonly SpecialtyDef[] = [
  {
    code: '100',
    name: 'General Surgery Service',
    shortName: 'General Surgery',
    abbrev: 'GSU',
    divisionCode: 'SURG',
    weight: 18,
    isSurgical: true,
    femaleShare: 0.25,
    hasOnCall: true,
    clinic: { perWeek: [1, 2], expected: [10, 12], newShare: 0.4, codeStyle: 'structured' },
    lists: {
      type: 'theatre',
      perWeek: [1, 2],
      expected: [3, 5],
      theatrePrefix: 'TH',
      allDayShare: 0.15,
      bookingRatio: 1,
    },
    fillerActivity: 'ward_round',
  },
  {
    code: '101',
    name: 'Urology Service',
    shortName: 'Urology',
    abbrev: 'URO',
    divisionCode: 'SURG',
    weight: 9,
    isSurgical: true,
    femaleShare: 0.15,
    hasOnCall: true,
    clinic: { perWeek: [2, 2], expected: [10, 12], newShare: 0.35, codeStyle: 'structured' },
    lists: {
      type: 'theatre',
      perWeek: [1, 2],
      expected: [4, 6],
      theatrePrefix: 'TH',
      allDayShare: 0.1,
      bookingRatio: 1,
    },
    fillerActivity: 'ward_round',
  },
  {
    code: '110',
    name: 'Trauma and Orthopaedic Service',
    shortName: 'Trauma and Orthopaedics',
    abbrev: 'TRO',
    divisionCode: 'SURG',
    weight: 20,
    isSurgical: true,
    femaleShare: 0.12,
    hasOnCall: true,
    clinic: { perWeek: [1, 2], expected: [12, 14], newShare: 0.35, codeStyle: 'structured' },
    lists: {
      type: 'theatre',
      perWeek: [1, 2],
      expected: [3, 4],
      theatrePrefix: 'TH',
      allDayShare: 0.35,
      bookingRatio: 1,
    },
    fillerActivity: 'ward_round',
  },
  {
    code: '120',
    name: 'Ear Nose and Throat Service',
    shortName: 'Ear Nose and Throat',
    abbrev: 'ENT',
    divisionCode: 'SURG',
    weight: 9,
    isSurgical: true,
    femaleShare: 0.25,
    hasOnCall: true,
    clinic: { perWeek: [2, 3], expected: [10, 12], newShare: 0.4, codeStyle: 'structured' },
    lists: {
      type: 'theatre',
      perWeek: [1, 2],
      expected: [5, 6],
      theatrePrefix: 'TH',
      allDayShare: 0.05,
      bookingRatio: 1,
    },
    fillerActivity: 'other',
  },
  {
    code: '130',
    name: 'Ophthalmology Service',
    shortName: 'Ophthalmology',
    abbrev: 'OPH',
    divisionCode: 'SURG',
    weight: 12,
    isSurgical: true,
    femaleShare: 0.35,
    hasOnCall: false,
    clinic: { perWeek: [3, 4], expected: [12, 12], newShare: 0.3, codeStyle: 'structured' },
    // Cataract lists: the job plan expects 8–10; delivery is set by the ophthalmology pattern (7 → 9).
    lists: {
      type: 'theatre',
      perWeek: [1, 2],
      expected: [8, 10],
      theatrePrefix: 'EYE',
      allDayShare: 0,
      bookingRatio: 1,
    },
    fillerActivity: 'other',
  },
  {
    code: '301',
    name: 'Gastroenterology Service',
    shortName: 'Gastroenterology',
    abbrev: 'GAS',
    divisionCode: 'MED',
    weight: 11,
    isSurgical: false,
    femaleShare: 0.35,
    hasOnCall: true,
    clinic: { perWeek: [2, 2], expected: [10, 12], newShare: 0.4, codeStyle: 'pas' },
    lists: {
      type: 'endoscopy',
      perWeek: [2, 2],
      expected: [8, 10],
      theatrePrefix: 'ENDO',
      allDayShare: 0,
      bookingRatio: 0.9,
    },
    fillerActivity: 'ward_round',
  },
  {
    code: '320',
    name: 'Cardiology Service',
    shortName: 'Cardiology',
    abbrev: 'CAR',
    divisionCode: 'MED',
    weight: 12,
    isSurgical: false,
    femaleShare: 0.25,
    hasOnCall: true,
    clinic: { perWeek: [3, 3], expected: [10, 12], newShare: 0.35, codeStyle: 'pas' },
    fillerActivity: 'ward_round',
  },
  {
    code: '330',
    name: 'Dermatology Service',
    shortName: 'Dermatology',
    abbrev: 'DER',
    divisionCode: 'MED',
    weight: 8,
    isSurgical: false,
    femaleShare: 0.6,
    hasOnCall: false,
    clinic: { perWeek: [4, 5], expected: [12, 14], newShare: 0.45, codeStyle: 'pas' },
    fillerActivity: 'other',
  },
  {
    code: '340',
    name: 'Respiratory Medicine Service',
    shortName: 'Respiratory Medicine',
    abbrev: 'RES',
    divisionCode: 'MED',
    weight: 11,
    isSurgical: false,
    femaleShare: 0.4,
    hasOnCall: true,
    clinic: { perWeek: [2, 3], expected: [9, 11], newShare: 0.35, codeStyle: 'pas' },
    // Bronchoscopy lists in the endoscopy unit, for some consultants only.
    lists: {
      type: 'endoscopy',
      perWeek: [0, 1],
      expected: [5, 6],
      theatrePrefix: 'ENDO',
      allDayShare: 0,
      bookingRatio: 0.95,
    },
    fillerActivity: 'ward_round',
  },
  {
    code: '400',
    name: 'Neurology Service',
    shortName: 'Neurology',
    abbrev: 'NEU',
    divisionCode: 'MED',
    weight: 8,
    isSurgical: false,
    femaleShare: 0.4,
    hasOnCall: false,
    clinic: { perWeek: [3, 4], expected: [8, 10], newShare: 0.4, codeStyle: 'pas' },
    fillerActivity: 'ward_round',
  },
  {
    code: '420',
    name: 'Paediatric Service',
    shortName: 'Paediatrics',
    abbrev: 'PAE',
    divisionCode: 'WCD',
    weight: 18,
    isSurgical: false,
    femaleShare: 0.55,
    hasOnCall: true,
    clinic: { perWeek: [2, 3], expected: [8, 10], newShare: 0.35, codeStyle: 'structured' },
    fillerActivity: 'ward_round',
  },
  {
    code: '502',
    name: 'Gynaecology Service',
    shortName: 'Gynaecology',
    abbrev: 'GYN',
    divisionCode: 'WCD',
    weight: 14,
    isSurgical: true,
    femaleShare: 0.55,
    hasOnCall: true,
    clinic: { perWeek: [2, 2], expected: [10, 12], newShare: 0.4, codeStyle: 'structured' },
    lists: {
      type: 'theatre',
      perWeek: [1, 2],
      expected: [4, 5],
      theatrePrefix: 'TH',
      allDayShare: 0.05,
      bookingRatio: 1,
    },
    fillerActivity: 'ward_round',
  },
];

export const OPHTHALMOLOGY_CODE = '130';

export function getSpecialty(code: string): SpecialtyDef {
  const specialty = SPECIALTIES.find((s) => s.code === code);
  if (!specialty) throw new RangeError(`Unknown specialty code ${code}`);
  return specialty;
}

export function getDivision(code: string): DivisionDef {
  const division = DIVISIONS.find((d) => d.code === code);
  if (!division) throw new RangeError(`Unknown division code ${code}`);
  return division;
}

/** Cancellation reasons, as a PAS or theatre system would record them. */
export const CANCEL_REASONS = {
  leave: 'Consultant leave',
  sickness: 'Consultant sickness',
  clinicHospital: ['Room unavailable', 'No clinic staff', 'Template change', 'IT system failure'],
  listHospital: [
    'No beds',
    'Anaesthetist unavailable',
    'Equipment failure',
    'Theatre staff shortage',
    'Insufficient patients booked',
  ],
  /** The reasons behind the planted surgical under-deliverer's cancelled lists. */
  listPressure: ['No beds', 'Theatre staff shortage'],
} as const;

/** Unknown GMC numbers used by the data-quality pattern (locums missing from consultants.csv). */
export const UNKNOWN_GMC_NUMBERS = ['9999001', '9999002', '9999003'] as const;
