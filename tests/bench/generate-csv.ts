/**
 * Deterministic benchmark extracts: a consultants CSV and a clinic-sessions CSV in the canonical formats of
 * lib/shared/import-formats.ts, written as streams (a million rows never sit in memory as one string).
 *
 * Row i of the sessions file depends only on the seed, i and the total row count, so writing the first K rows of
 * an N-row file (`writeRows: K`) gives exactly the first K rows of the full file.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { IMPORT_FORMATS } from '@/lib/shared/import-formats';

/** mulberry32: a tiny seeded PRNG, so that the same seed always writes the same bytes. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
}

interface Specialty {
  code: string;
  name: string;
  clinicPrefix: string;
  division: keyof typeof DIVISIONS;
}

const DIVISIONS = {
  SURG: 'Surgery',
  MED: 'Medicine',
  WCH: 'Women and Children',
  CAN: 'Cancer Services',
} as const;

const SPECIALTIES: readonly Specialty[] = [
  { code: '100', name: 'General Surgery', clinicPrefix: 'GSU', division: 'SURG' },
  { code: '101', name: 'Urology', clinicPrefix: 'URO', division: 'SURG' },
  { code: '110', name: 'Trauma and Orthopaedics', clinicPrefix: 'TAO', division: 'SURG' },
  { code: '120', name: 'Ear, Nose and Throat', clinicPrefix: 'ENT', division: 'SURG' },
  { code: '130', name: 'Ophthalmology', clinicPrefix: 'OPH', division: 'SURG' },
  { code: '300', name: 'General Internal Medicine', clinicPrefix: 'GIM', division: 'MED' },
  { code: '301', name: 'Gastroenterology', clinicPrefix: 'GAS', division: 'MED' },
  { code: '320', name: 'Cardiology', clinicPrefix: 'CAR', division: 'MED' },
  { code: '330', name: 'Dermatology', clinicPrefix: 'DER', division: 'MED' },
  { code: '340', name: 'Respiratory Medicine', clinicPrefix: 'RES', division: 'MED' },
  { code: '400', name: 'Neurology', clinicPrefix: 'NEU', division: 'MED' },
  { code: '410', name: 'Rheumatology', clinicPrefix: 'RHE', division: 'MED' },
  { code: '430', name: 'Geriatric Medicine', clinicPrefix: 'GER', division: 'MED' },
  { code: '420', name: 'Paediatrics', clinicPrefix: 'PAE', division: 'WCH' },
  { code: '502', name: 'Gynaecology', clinicPrefix: 'GYN', division: 'WCH' },
  { code: '303', name: 'Clinical Haematology', clinicPrefix: 'HAE', division: 'CAN' },
  { code: '370', name: 'Medical Oncology', clinicPrefix: 'ONC', division: 'CAN' },
];

const FIRST_NAMES = (
  'Asha Ben Chloe David Emeka Fatima George Hannah Imran Julia Kwame Laura Mohammed Niamh Oliver Priya Rhys ' +
  'Sarah Tomasz Usha Victoria William Yusuf Zara Aoife'
).split(' ');
const LAST_NAMES = (
  'Patel Smith Jones Okafor Williams Khan Brown Taylor Davies Evans Wilson Thomas Roberts Ahmed Walker Wright ' +
  'Robinson Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Nowak'
).split(' ');

const CANCEL_REASONS = [
  'Consultant annual leave',
  'Consultant study leave',
  'Consultant sickness',
  'Clinic room unavailable',
  'Staff shortage, nursing',
  'Low bookings',
  'Consultant on call',
] as const;

export interface Consultant {
  gmcNumber: string;
  name: string;
  email: string;
  specialty: Specialty;
  clinicCode: string;
}

/** `count` consultants with unique 7-digit GMC numbers, spread over the specialties. */
export function makeConsultants(count: number, seed: number): Consultant[] {
  const random = new SeededRandom(seed ^ 0x5eed);
  const used = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    let gmcNumber = '';
    do gmcNumber = String(random.int(2_000_000, 7_999_999));
    while (used.has(gmcNumber));
    used.add(gmcNumber);
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Alex';
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Doe';
    const suffix = index >= FIRST_NAMES.length * LAST_NAMES.length ? String(index) : '';
    const specialty = SPECIALTIES[index % SPECIALTIES.length] as Specialty;
    return {
      gmcNumber,
      name: `Dr ${first} ${last}${suffix}`,
      email: `${first}.${last}${suffix}@nhs.net`.toLowerCase(),
      specialty,
      clinicCode: `${specialty.clinicPrefix}C${String((index % 40) + 1).padStart(2, '0')}`,
    };
  });
}

/** Writes `text` and waits when the stream's buffer is full, so memory stays bounded. */
async function writeChunk(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function closeStream(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map((cell) => csvCell(String(cell))).join(',')}\n`;
}

/** The consultants extract, in the canonical column order. */
export async function writeConsultantsCsv(file: string, consultants: readonly Consultant[]): Promise<void> {
  const stream = createWriteStream(file);
  await writeChunk(stream, csvLine(IMPORT_FORMATS.consultants.columns.map((column) => column.name)));
  for (const consultant of consultants) {
    const { specialty } = consultant;
    const dcc = consultant.gmcNumber.endsWith('7') ? '8.5' : '7.5';
    const spa = dcc === '8.5' ? '1.5' : '2.5';
    await writeChunk(
      stream,
      csvLine([
        consultant.gmcNumber,
        consultant.name,
        specialty.code,
        specialty.name,
        specialty.division,
        DIVISIONS[specialty.division],
        '10',
        dcc,
        spa,
        consultant.email,
      ]),
    );
  }
  await closeStream(stream);
}

/** Weekdays (ISO dates) in the three years from 3 April 2023 (a Monday). */
function weekdays(): string[] {
  const days: string[] = [];
  const start = Date.UTC(2023, 3, 3);
  for (let offset = 0; offset < 3 * 365; offset++) {
    const date = new Date(start + offset * 86_400_000);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(date.toISOString().slice(0, 10));
  }
  return days;
}

function daysBefore(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate) - days * 86_400_000).toISOString().slice(0, 10);
}

const PLANNED_TIMES: Record<string, readonly (readonly [string, string])[]> = {
  AM: [
    ['08:30', '12:30'],
    ['09:00', '13:00'],
  ],
  PM: [
    ['13:00', '17:00'],
    ['13:30', '17:30'],
  ],
  EVE: [['17:30', '20:30']],
};

/** How the booked patients of a held session turned out (each patient drawn separately). */
function outcomes(random: SeededRandom, booked: number, newShare: number) {
  const counts = { attended: 0, dna: 0, late: 0, patientCancelled: 0, hospitalCancelled: 0, first: 0 };
  for (let patient = 0; patient < booked; patient++) {
    const draw = random.next();
    if (draw < 0.06) counts.patientCancelled++;
    else if (draw < 0.08) counts.hospitalCancelled++;
    else if (draw < 0.15) counts.dna++;
    else if (draw < 0.16) counts.late++;
    else {
      counts.attended++;
      if (random.chance(newShare)) counts.first++;
    }
  }
  return counts;
}

interface SessionContext {
  random: SeededRandom;
  consultants: readonly Consultant[];
  days: readonly string[];
  totalRows: number;
}

/** One clinic-sessions row: session i of a file of `totalRows`, its dates spread in order over three years. */
function sessionRow(context: SessionContext, index: number): string {
  const { random, consultants, days, totalRows } = context;
  const dayIndex = Math.floor((index * days.length) / totalRows);
  const firstOfDay = Math.ceil((dayIndex * totalRows) / days.length);
  const date = days[dayIndex] ?? '2026-03-31';
  // Within a day, a permutation of the consultants (7 is coprime with 600) so nobody has two clinics at once.
  const consultant = consultants[
    ((index - firstOfDay) * 7 + dayIndex * 13) % consultants.length
  ] as Consultant;
  const periodDraw = random.next();
  const period = periodDraw < 0.48 ? 'AM' : periodDraw < 0.94 ? 'PM' : 'EVE';
  const [start, end] = random.pick(PLANNED_TIMES[period] ?? []);
  const slotsNew = random.int(2, 6);
  const slotsFollowUp = random.int(4, 10);
  const additional = random.chance(0.04) ? 'Y' : 'N';
  const id = `CS${String(index + 1).padStart(7, '0')}`;
  const head = [id, consultant.clinicCode, date, period, start, end, consultant.gmcNumber];
  if (random.chance(0.07)) {
    const reason = random.pick(CANCEL_REASONS);
    const cancelledOn = daysBefore(date, random.int(1, 56));
    const moved = random.int(0, slotsNew + slotsFollowUp); // booked patients moved to other clinics
    return csvLine([
      ...head,
      ...[consultant.specialty.code, 'cancelled', reason, cancelledOn, slotsNew, slotsFollowUp],
      ...[moved, 0, 0, 0, 0, moved, 0, 0, additional],
    ]);
  }
  const template = slotsNew + slotsFollowUp;
  const booked = Math.max(1, template + (random.chance(0.05) ? random.int(1, 2) : -random.int(0, 2)));
  const result = outcomes(random, booked, slotsNew / template);
  return csvLine([
    ...head,
    ...[consultant.specialty.code, 'held', '', '', slotsNew, slotsFollowUp, booked, result.attended],
    ...[result.dna, result.late, result.patientCancelled, result.hospitalCancelled, result.first],
    ...[result.attended - result.first, additional],
  ]);
}

export interface SessionsCsvOptions {
  /** Rows in the full file (dates and ids are laid out for this many). */
  totalRows: number;
  /** Rows actually written (the first ones); defaults to all. */
  writeRows?: number;
  seed: number;
}

const ROWS_PER_CHUNK = 2_000;

/** Streams the clinic-sessions extract (canonical header, then rows) to `file`; returns the bytes written. */
export async function writeSessionsCsv(
  file: string,
  consultants: readonly Consultant[],
  options: SessionsCsvOptions,
): Promise<number> {
  const context: SessionContext = {
    random: new SeededRandom(options.seed),
    consultants,
    days: weekdays(),
    totalRows: options.totalRows,
  };
  const rows = Math.min(options.writeRows ?? options.totalRows, options.totalRows);
  const stream = createWriteStream(file);
  await writeChunk(stream, csvLine(IMPORT_FORMATS['clinic-sessions'].columns.map((column) => column.name)));
  for (let first = 0; first < rows; first += ROWS_PER_CHUNK) {
    let chunk = '';
    const last = Math.min(first + ROWS_PER_CHUNK, rows);
    for (let index = first; index < last; index++) chunk += sessionRow(context, index);
    await writeChunk(stream, chunk);
  }
  await closeStream(stream);
  return stream.bytesWritten;
}
