import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays';
import { runGenerateDemo } from './cli';
import { createDemoTrustStream, type DemoPatterns, generateDemoTrust } from './generate';
import { SPECIALTIES, UNKNOWN_GMC_NUMBERS } from './reference';
import {
  CLINIC_SESSION_COLUMNS,
  CONSULTANT_COLUMNS,
  JOB_PLAN_COLUMNS,
  LEAVE_COLUMNS,
  THEATRE_LIST_COLUMNS,
} from './types';
import { DEMO_FILE_NAMES, writeDemoCsvs, writeDemoTrustStream } from './write-csv';

type Row = Record<string, string>;

const CSV_FILES = [
  DEMO_FILE_NAMES.consultants,
  DEMO_FILE_NAMES.jobPlans,
  DEMO_FILE_NAMES.clinicSessions,
  DEMO_FILE_NAMES.theatreLists,
  DEMO_FILE_NAMES.leave,
];
const ALL_FILES = [...CSV_FILES, DEMO_FILE_NAMES.patterns];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const GMC = /^\d{7}$/;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const BANK_HOLIDAYS = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS);
const NOTICE_DAYS = 42;

// ---- small, independent date helpers (UTC days), so the checks do not reuse the generator's own code ----
const toDay = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const toIso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const weekday = (day: number) => new Date(day * 86_400_000).getUTCDay() || 7; // 1 = Mon … 7 = Sun
const mondayOf = (day: number) => day - (weekday(day) - 1);
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

function isValidIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && toIso(toDay(text)) === text;
}

async function hashFiles(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const name of ALL_FILES) {
    hashes[name] = createHash('sha256')
      .update(await readFile(join(dir, name)))
      .digest('hex');
  }
  return hashes;
}

async function readCsv(dir: string, name: string): Promise<{ header: string[]; rows: Row[]; text: string }> {
  const text = await readFile(join(dir, name), 'utf8');
  const header = (text.slice(0, text.indexOf('\n')) || '').split(',');
  const rows = parse(text, { columns: true, skip_empty_lines: false }) as Row[];
  return { header, rows, text };
}

/** The rows without the planted duplicate copies (which repeat a session under a new id ending in "-2"). */
function uniqueBy(rows: Row[], key: string): Row[] {
  return rows.filter((r) => !(r[key] ?? '').endsWith('-2'));
}

interface Extracts {
  dir: string;
  consultants: Row[];
  jobPlans: Row[];
  clinics: Row[];
  lists: Row[];
  leave: Row[];
  patterns: DemoPatterns;
  headers: Record<string, string[]>;
  texts: Record<string, string>;
}

let tmpRoot = '';
let ex: Extracts;

beforeAll(async () => {
  tmpRoot = await mkdtemp(join(tmpdir(), 'fulfil-demo-'));
  const dir = join(tmpRoot, 'default');
  await writeDemoCsvs(generateDemoTrust({}), dir);
  const headers: Record<string, string[]> = {};
  const texts: Record<string, string> = {};
  const load = async (name: string) => {
    const { header, rows, text } = await readCsv(dir, name);
    headers[name] = header;
    texts[name] = text;
    return rows;
  };
  ex = {
    dir,
    consultants: await load(DEMO_FILE_NAMES.consultants),
    jobPlans: await load(DEMO_FILE_NAMES.jobPlans),
    clinics: await load(DEMO_FILE_NAMES.clinicSessions),
    lists: await load(DEMO_FILE_NAMES.theatreLists),
    leave: await load(DEMO_FILE_NAMES.leave),
    patterns: JSON.parse(await readFile(join(dir, DEMO_FILE_NAMES.patterns), 'utf8')) as DemoPatterns,
    headers,
    texts,
  };
}, 120_000);

afterAll(async () => {
  if (tmpRoot) await rm(tmpRoot, { recursive: true, force: true });
});

describe('determinism', () => {
  it('writes byte-identical files for the same seed, in memory or streamed', async () => {
    const options = { seed: 42, consultants: 60, months: 14 };
    const a = join(tmpRoot, 'same-a');
    const b = join(tmpRoot, 'same-b');
    const c = join(tmpRoot, 'same-streamed');
    await writeDemoCsvs(generateDemoTrust(options), a);
    await writeDemoCsvs(generateDemoTrust(options), b);
    await writeDemoTrustStream(createDemoTrustStream(options), c);
    const [ha, hb, hc] = await Promise.all([hashFiles(a), hashFiles(b), hashFiles(c)]);
    expect(hb).toEqual(ha);
    expect(hc).toEqual(ha);
  }, 60_000);

  it('reproduces the default trust exactly', async () => {
    const again = join(tmpRoot, 'default-again');
    await writeDemoTrustStream(createDemoTrustStream({}), again);
    expect(await hashFiles(again)).toEqual(await hashFiles(ex.dir));
  }, 60_000);

  it('writes different data for a different seed', async () => {
    const a = join(tmpRoot, 'seed-1');
    const b = join(tmpRoot, 'seed-2');
    await writeDemoCsvs(generateDemoTrust({ seed: 1, consultants: 40, months: 12 }), a);
    await writeDemoCsvs(generateDemoTrust({ seed: 2, consultants: 40, months: 12 }), b);
    const [ha, hb] = await Promise.all([hashFiles(a), hashFiles(b)]);
    for (const name of ALL_FILES) expect(hb[name], name).not.toEqual(ha[name]);
  }, 60_000);

  it('uses no clock or Math.random', () => {
    const random = Math.random;
    const now = Date.now;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    Date.now = () => {
      throw new Error('Date.now used');
    };
    try {
      expect(() => generateDemoTrust({ consultants: 30, months: 12 })).not.toThrow();
    } finally {
      Math.random = random;
      Date.now = now;
    }
  });
});

describe('file format', () => {
  it('has the documented headers, \\n line endings and no BOM', () => {
    expect(ex.headers[DEMO_FILE_NAMES.consultants]).toEqual([...CONSULTANT_COLUMNS]);
    expect(ex.headers[DEMO_FILE_NAMES.jobPlans]).toEqual([...JOB_PLAN_COLUMNS]);
    expect(ex.headers[DEMO_FILE_NAMES.clinicSessions]).toEqual([...CLINIC_SESSION_COLUMNS]);
    expect(ex.headers[DEMO_FILE_NAMES.theatreLists]).toEqual([...THEATRE_LIST_COLUMNS]);
    expect(ex.headers[DEMO_FILE_NAMES.leave]).toEqual([...LEAVE_COLUMNS]);
    for (const name of CSV_FILES) {
      const text = ex.texts[name] ?? '';
      expect(text.charCodeAt(0), name).not.toBe(0xfeff);
      expect(text.includes('\r'), name).toBe(false);
      expect(text.endsWith('\n'), name).toBe(true);
    }
  });

  it('has row counts in sensible ranges for the defaults', () => {
    expect(ex.consultants).toHaveLength(150);
    expect(ex.jobPlans.length).toBeGreaterThan(2_500);
    expect(ex.jobPlans.length).toBeLessThan(4_500);
    expect(ex.clinics.length).toBeGreaterThan(28_000);
    expect(ex.clinics.length).toBeLessThan(60_000);
    expect(ex.lists.length).toBeGreaterThan(9_000);
    expect(ex.lists.length).toBeLessThan(20_000);
    expect(ex.leave.length).toBeGreaterThan(3_000);
    expect(ex.leave.length).toBeLessThan(6_500);
  });
});

/** Collects row-level problems (one expect() per row would be far too slow for 50,000 rows). */
class Problems {
  readonly found: string[] = [];
  check(ok: boolean, what: string): void {
    if (!ok && this.found.length < 20) this.found.push(what);
  }
}

describe('row formats', () => {
  it('consultants: unique 7-digit GMC numbers, real specialties, PA split, nhs.net e-mail', () => {
    const specialtyCodes = new Set(SPECIALTIES.map((s) => s.code));
    const unknown = new Set<string>(UNKNOWN_GMC_NUMBERS);
    expect(new Set(ex.consultants.map((c) => c.gmc_number)).size).toBe(ex.consultants.length);
    expect(new Set(ex.consultants.map((c) => c.email)).size).toBe(ex.consultants.length);
    const p = new Problems();
    for (const c of ex.consultants) {
      const at = `consultant ${c.gmc_number}`;
      p.check(GMC.test(c.gmc_number ?? '') && !unknown.has(c.gmc_number ?? ''), `${at}: gmc`);
      p.check(specialtyCodes.has(c.specialty_code ?? ''), `${at}: specialty ${c.specialty_code}`);
      p.check(['SURG', 'MED', 'WCD'].includes(c.division_code ?? ''), `${at}: division`);
      p.check(/^(Dr|Mr|Ms|Miss) \S+ \S+$/.test(c.name ?? ''), `${at}: name ${c.name}`);
      p.check(/^[a-z]+\.[a-z]+\d*@nhs\.net$/.test(c.email ?? ''), `${at}: email ${c.email}`);
      const contracted = Number(c.contracted_pas);
      const dcc = Number(c.dcc_pas);
      const spa = Number(c.spa_pas);
      p.check(contracted >= 10 && contracted <= 12, `${at}: contracted ${contracted}`);
      p.check(dcc >= 7.5 && dcc <= 9, `${at}: dcc ${dcc}`);
      p.check(spa >= 1.5 && spa <= 2.5, `${at}: spa ${spa}`);
      p.check(dcc + spa <= contracted, `${at}: dcc + spa > contracted`);
      const isSurgical = ['100', '101', '110', '120', '130', '502'].includes(c.specialty_code ?? '');
      p.check(isSurgical === /^(Mr|Ms|Miss) /.test(c.name ?? ''), `${at}: title convention`);
    }
    expect(p.found).toEqual([]);
  });

  it('job plans: valid statuses, dates, slots, cycles and links', () => {
    const gmcs = new Set(ex.consultants.map((c) => c.gmc_number));
    const types = [
      'outpatient_clinic',
      'theatre_list',
      'endoscopy_list',
      'ward_round',
      'mdt',
      'spa',
      'on_call',
      'admin',
      'other',
    ];
    const p = new Problems();
    ex.jobPlans.forEach((r, i) => {
      const at = `job-plans row ${i + 1}`;
      p.check(gmcs.has(r.gmc_number), `${at}: unknown gmc`);
      p.check(['draft', 'agreed'].includes(r.status ?? ''), `${at}: status`);
      p.check((r.agreed_on === '') === (r.status === 'draft'), `${at}: agreed_on vs status`);
      p.check(!r.agreed_on || isValidIsoDate(r.agreed_on), `${at}: agreed_on`);
      p.check(isValidIsoDate(r.effective_from ?? ''), `${at}: effective_from`);
      p.check(
        !r.effective_to || (isValidIsoDate(r.effective_to) && r.effective_to >= (r.effective_from ?? '')),
        `${at}: effective_to`,
      );
      p.check(types.includes(r.activity_type ?? ''), `${at}: activity_type`);
      const cycle = Number(r.cycle_weeks);
      const offset = Number(r.cycle_offset);
      p.check(Number.isInteger(cycle) && cycle >= 1, `${at}: cycle_weeks`);
      p.check(Number.isInteger(offset) && offset >= 0 && offset < cycle, `${at}: cycle_offset`);
      p.check(Number(r.pa_value) > 0, `${at}: pa_value`);
      p.check(
        Number(r.expected_weeks) === (r.activity_type === 'on_call' ? 52 : 42),
        `${at}: expected_weeks`,
      );
      if (r.annual_sessions) {
        p.check(Number(r.annual_sessions) > 0, `${at}: annual_sessions`);
        p.check(
          [r.day_of_week, r.period, r.start_time, r.end_time].join('') === '',
          `${at}: annualised line has a slot`,
        );
      } else {
        p.check(WEEKDAYS.includes(r.day_of_week ?? ''), `${at}: day_of_week`);
        p.check(['AM', 'PM', 'EVE'].includes(r.period ?? ''), `${at}: period`);
        p.check(TIME.test(r.start_time ?? '') && TIME.test(r.end_time ?? ''), `${at}: times`);
        p.check(minutes(r.end_time ?? '') > minutes(r.start_time ?? ''), `${at}: end before start`);
      }
      if (categoryOf(r.activity_type ?? '')) {
        p.check(r.linked_codes !== '', `${at}: session line without linked code`);
        const expected = Number(r.expected_output);
        p.check(expected >= 3 && expected <= 14, `${at}: expected_output ${expected}`);
      }
    });
    expect(p.found).toEqual([]);
    // Some fortnightly lines with both offsets, and some annualised lines.
    const fortnightly = ex.jobPlans.filter((r) => r.cycle_weeks === '2');
    expect(new Set(fortnightly.map((r) => r.cycle_offset))).toEqual(new Set(['0', '1']));
    expect(ex.jobPlans.filter((r) => r.annual_sessions !== '').length).toBeGreaterThan(5);
    // Each version's PA lines add up to the consultant's contracted PAs.
    const contracted = new Map(ex.consultants.map((c) => [c.gmc_number, Number(c.contracted_pas)]));
    const totals = new Map<string, number>();
    for (const r of ex.jobPlans) {
      const key = `${r.gmc_number}|${r.version}`;
      totals.set(key, (totals.get(key) ?? 0) + Number(r.pa_value));
    }
    const wrong = [...totals].filter(
      ([key, total]) => Math.abs(total - (contracted.get(key.split('|')[0] ?? '') ?? 0)) > 0.05,
    );
    expect(wrong).toEqual([]);
  });

  it('clinic sessions: dates, periods, statuses, reasons and consistent counts', () => {
    const { startDate, endDate } = ex.patterns.generator;
    const p = new Problems();
    const counts = [
      'slots_new',
      'slots_fu',
      'booked',
      'attended',
      'dna',
      'late_not_seen',
      'patient_cancelled',
      'hospital_cancelled',
    ];
    for (const r of ex.clinics) {
      const at = `clinic ${r.session_id}`;
      const n = (k: string) => Number(r[k]);
      p.check(/^CS\d{9}(-2)?$/.test(r.session_id ?? ''), `${at}: id`);
      p.check(
        isValidIsoDate(r.session_date ?? '') &&
          (r.session_date ?? '') >= startDate &&
          (r.session_date ?? '') <= endDate,
        `${at}: date`,
      );
      p.check(['AM', 'PM', 'EVE'].includes(r.period ?? ''), `${at}: period`);
      p.check(TIME.test(r.planned_start ?? '') && TIME.test(r.planned_end ?? ''), `${at}: planned times`);
      p.check(GMC.test(r.gmc_number ?? ''), `${at}: gmc`);
      p.check(['Y', 'N'].includes(r.additional ?? ''), `${at}: additional`);
      p.check(
        counts.every((k) => Number.isInteger(n(k)) && n(k) >= 0),
        `${at}: counts`,
      );
      p.check(
        n('attended') === n('first_attendances') + n('follow_up_attendances'),
        `${at}: attended = first + follow-up`,
      );
      p.check(n('booked') >= n('attended') + n('dna') + n('late_not_seen'), `${at}: booked`);
      if (r.status === 'cancelled') {
        p.check(r.cancel_reason !== '', `${at}: no reason`);
        p.check(
          isValidIsoDate(r.cancelled_on ?? '') && (r.cancelled_on ?? '') <= (r.session_date ?? ''),
          `${at}: cancelled_on`,
        );
        p.check(n('attended') + n('booked') === 0, `${at}: cancelled with patients`);
      } else {
        p.check(r.status === 'held' && r.cancel_reason === '' && r.cancelled_on === '', `${at}: held`);
        p.check(n('slots_new') + n('slots_fu') > 0, `${at}: no slots`);
      }
      // Nothing from the job plan takes place on a bank holiday.
      p.check(r.additional === 'Y' || !BANK_HOLIDAYS.has(r.session_date ?? ''), `${at}: on a bank holiday`);
    }
    expect(p.found).toEqual([]);
    const reasons = new Set(ex.clinics.map((r) => r.cancel_reason).filter(Boolean));
    for (const reason of [
      'Consultant leave',
      'Consultant sickness',
      'Room unavailable',
      'No clinic staff',
      'Template change',
    ]) {
      expect(reasons.has(reason), reason).toBe(true);
    }
  });

  it('theatre lists: times, cases, touch time, statuses and reasons', () => {
    const { startDate, endDate } = ex.patterns.generator;
    const missing = new Set(ex.patterns.dataQuality.missingTimestampListIds);
    const p = new Problems();
    let late = 0;
    let late30 = 0;
    let held = 0;
    let touch = 0;
    let planned = 0;
    for (const r of ex.lists) {
      const at = `list ${r.list_id}`;
      p.check(/^TL\d{9}(-2)?$/.test(r.list_id ?? ''), `${at}: id`);
      p.check(/^(TH\d{2}|EYE\d+|ENDO\d+)$/.test(r.theatre_code ?? ''), `${at}: theatre code`);
      p.check(
        isValidIsoDate(r.list_date ?? '') &&
          (r.list_date ?? '') >= startDate &&
          (r.list_date ?? '') <= endDate,
        `${at}: date`,
      );
      p.check(['AM', 'PM', 'EVE', 'ALL'].includes(r.period ?? ''), `${at}: period`);
      p.check(['theatre', 'endoscopy'].includes(r.list_type ?? ''), `${at}: list_type`);
      p.check(GMC.test(r.gmc_number ?? ''), `${at}: gmc`);
      p.check(Number(r.cases_done) <= Number(r.cases_booked), `${at}: cases_done > cases_booked`);
      if (r.status === 'cancelled') {
        p.check(
          r.cancel_reason !== '' && (r.cancelled_on ?? '') <= (r.list_date ?? ''),
          `${at}: reason/cancelled_on`,
        );
        p.check(
          [r.actual_start, r.actual_end, r.touch_minutes, r.cases_done].join('|') === '|||0',
          `${at}: cancelled with activity`,
        );
        continue;
      }
      p.check(r.status === 'held' && Number(r.cases_done) > 0, `${at}: held`);
      p.check(r.additional === 'Y' || !BANK_HOLIDAYS.has(r.list_date ?? ''), `${at}: on a bank holiday`);
      if (missing.has(r.list_id ?? '')) {
        p.check(r.actual_start === '' && r.actual_end === '', `${at}: planted missing timestamps`);
        continue;
      }
      p.check(TIME.test(r.actual_start ?? '') && TIME.test(r.actual_end ?? ''), `${at}: actual times`);
      const duration = minutes(r.actual_end ?? '') - minutes(r.actual_start ?? '');
      p.check(duration > 0 && Number(r.touch_minutes) <= duration, `${at}: touch time`);
      const lateBy = minutes(r.actual_start ?? '') - minutes(r.planned_start ?? '');
      held++;
      late += lateBy;
      if (lateBy >= 30) late30++;
      touch += Number(r.touch_minutes);
      planned += minutes(r.planned_end ?? '') - minutes(r.planned_start ?? '');
    }
    expect(p.found).toEqual([]);
    expect(late / held).toBeGreaterThan(15);
    expect(late / held).toBeLessThan(25);
    expect(late30 / held).toBeGreaterThan(0.1);
    expect(touch / planned).toBeGreaterThan(0.7);
    expect(touch / planned).toBeLessThan(0.9);
    const reasons = new Set(ex.lists.map((r) => r.cancel_reason).filter(Boolean));
    for (const reason of [
      'No beds',
      'Anaesthetist unavailable',
      'Consultant leave',
      'Equipment failure',
      'Theatre staff shortage',
    ]) {
      expect(reasons.has(reason), reason).toBe(true);
    }
  });

  it('leave: valid dates, periods and types; sickness requested on the day; half days; mostly good notice', () => {
    const gmcs = new Set(ex.consultants.map((c) => c.gmc_number));
    const p = new Problems();
    let annual = 0;
    let annualShort = 0;
    ex.leave.forEach((r, i) => {
      const at = `leave row ${i + 1}`;
      p.check(gmcs.has(r.gmc_number), `${at}: gmc`);
      p.check(isValidIsoDate(r.start_date ?? '') && isValidIsoDate(r.end_date ?? ''), `${at}: dates`);
      p.check((r.end_date ?? '') >= (r.start_date ?? ''), `${at}: end before start`);
      p.check(
        ['FULL', 'AM', 'PM'].includes(r.start_period ?? '') &&
          ['FULL', 'AM', 'PM'].includes(r.end_period ?? ''),
        `${at}: periods`,
      );
      p.check(
        ['annual', 'study', 'professional', 'sick', 'parental', 'compassionate', 'other'].includes(
          r.leave_type ?? '',
        ),
        `${at}: type`,
      );
      p.check(
        !r.requested_on || (r.requested_on ?? '') <= (r.start_date ?? ''),
        `${at}: requested after start`,
      );
      p.check(
        !r.approved_on || !r.requested_on || (r.approved_on ?? '') >= (r.requested_on ?? ''),
        `${at}: approved before requested`,
      );
      p.check(
        r.leave_type !== 'sick' || r.requested_on === r.start_date,
        `${at}: sickness not requested on the day`,
      );
      if (r.leave_type === 'annual' && r.requested_on) {
        annual++;
        if (toDay(r.start_date ?? '') - toDay(r.requested_on ?? '') < NOTICE_DAYS) annualShort++;
      }
    });
    expect(p.found).toEqual([]);
    expect(ex.leave.some((r) => r.start_date === r.end_date && r.start_period !== 'FULL')).toBe(true);
    expect(annualShort / annual).toBeGreaterThan(0.03);
    expect(annualShort / annual).toBeLessThan(0.25);
    // About six weeks of annual leave and two of study leave a year per consultant.
    const years = ex.patterns.generator.months / 12;
    const days = (type: string) =>
      ex.leave
        .filter((r) => r.leave_type === type)
        .reduce((sum, r) => sum + workingDays(toDay(r.start_date ?? ''), toDay(r.end_date ?? '')), 0) /
      (ex.consultants.length * years);
    expect(days('annual')).toBeGreaterThan(20);
    expect(days('annual')).toBeLessThan(36);
    expect(days('study')).toBeGreaterThan(6);
    expect(days('study')).toBeLessThan(16);
  });
});

function workingDays(from: number, to: number): number {
  let n = 0;
  for (let d = from; d <= to; d++) if (weekday(d) <= 5 && !BANK_HOLIDAYS.has(toIso(d))) n++;
  return n;
}

// ---- an independent ledger: expand job-plans.csv and overlay leave, as PRODUCT.md defines them ----

type Category = 'clinic' | 'list';
interface PlannedSlot {
  gmc: string;
  day: number;
  period: string;
  category: Category;
}

function categoryOf(activity: string): Category | null {
  if (activity === 'outpatient_clinic') return 'clinic';
  if (activity === 'theatre_list' || activity === 'endoscopy_list') return 'list';
  return null;
}

/** Planned clinic/list sessions from job-plans.csv, in [from, to], bank holidays removed. */
function expandPlans(rows: Row[], from: number, to: number): PlannedSlot[] {
  const slots: PlannedSlot[] = [];
  for (const r of rows) {
    const category = categoryOf(r.activity_type ?? '');
    if (!category || !r.day_of_week) continue;
    const effectiveFrom = toDay(r.effective_from ?? '');
    const start = Math.max(from, effectiveFrom);
    const end = Math.min(to, r.effective_to ? toDay(r.effective_to) : to);
    const dow = WEEKDAYS.indexOf(r.day_of_week) + 1;
    const cycle = Number(r.cycle_weeks);
    const offset = Number(r.cycle_offset);
    const anchor = mondayOf(effectiveFrom);
    for (let monday = mondayOf(start); monday <= end; monday += 7) {
      const day = monday + dow - 1;
      if (day < start || day > end || BANK_HOLIDAYS.has(toIso(day))) continue;
      if (((monday - anchor) / 7) % cycle !== offset) continue;
      slots.push({ gmc: r.gmc_number ?? '', day, period: r.period ?? '', category });
    }
  }
  return slots;
}

/** Leave cover by gmc|day|period, with the record (full day covers AM, PM, EVE; half days their own period). */
function leaveCover(rows: Row[]): Map<string, Row> {
  const cover = new Map<string, Row>();
  for (const r of rows) {
    const start = toDay(r.start_date ?? '');
    const end = toDay(r.end_date ?? '');
    for (let d = start; d <= end; d++) {
      const half = d === start ? r.start_period : d === end ? r.end_period : 'FULL';
      const periods = half === 'FULL' ? ['AM', 'PM', 'EVE'] : [half ?? ''];
      for (const p of periods) {
        const key = `${r.gmc_number}|${d}|${p}`;
        if (!cover.has(key)) cover.set(key, r);
      }
    }
  }
  return cover;
}

/** Held sessions by gmc|day|period|category (an all-day list fills AM and PM). */
function heldIndex(clinics: Row[], lists: Row[]): Set<string> {
  const held = new Set<string>();
  for (const r of clinics)
    if (r.status === 'held') held.add(`${r.gmc_number}|${toDay(r.session_date ?? '')}|${r.period}|clinic`);
  for (const r of lists) {
    if (r.status !== 'held') continue;
    const periods = r.period === 'ALL' ? ['AM', 'PM'] : [r.period ?? ''];
    for (const p of periods) held.add(`${r.gmc_number}|${toDay(r.list_date ?? '')}|${p}|list`);
  }
  return held;
}

function noticeOf(leave: Row, day: number): number | null {
  const asked = leave.requested_on || leave.approved_on;
  return asked ? day - toDay(asked) : null;
}

describe('session ledger (independent expansion of job-plans.csv)', () => {
  it('most planned sessions not on leave are delivered, and held plan sessions match plan slots', () => {
    const { startDate, endDate } = ex.patterns.generator;
    const skip = new Set([
      ...ex.patterns.underDeliverers.map((u) => u.gmcNumber),
      ...ex.consultants.filter((c) => c.specialty_code === '130').map((c) => c.gmc_number),
    ]);
    const plans = ex.jobPlans.filter((r) => !skip.has(r.gmc_number ?? ''));
    const slots = expandPlans(plans, toDay(startDate), toDay(endDate));
    const cover = leaveCover(ex.leave);
    const held = heldIndex(ex.clinics, ex.lists);
    let available = 0;
    let delivered = 0;
    for (const s of slots) {
      if (cover.has(`${s.gmc}|${s.day}|${s.period}`)) continue;
      available++;
      if (held.has(`${s.gmc}|${s.day}|${s.period}|${s.category}`)) delivered++;
    }
    expect(available).toBeGreaterThan(10_000);
    expect(delivered / available).toBeGreaterThan(0.9);
    expect(delivered / available).toBeLessThan(0.98);

    // Every held, non-additional session of a consultant with a current two-version plan sits on a plan slot,
    // except annualised clinics and the planted unlinked clinic codes.
    const historyGmcs = new Set(ex.jobPlans.filter((r) => r.version === '2').map((r) => r.gmc_number));
    const allSlots = new Set(
      expandPlans(ex.jobPlans, toDay(startDate), toDay(endDate)).map(
        (s) => `${s.gmc}|${s.day}|${s.period}|${s.category}`,
      ),
    );
    const annualisedCodes = new Set(
      ex.jobPlans.filter((r) => r.annual_sessions !== '').map((r) => r.linked_codes),
    );
    const unlinked = new Set(ex.patterns.dataQuality.unlinkedClinicCodes.map((u) => u.clinicCode));
    let checked = 0;
    let offPlan = 0;
    for (const r of ex.clinics) {
      if (r.status !== 'held' || r.additional !== 'N' || !historyGmcs.has(r.gmc_number)) continue;
      if (annualisedCodes.has(r.clinic_code) || unlinked.has(r.clinic_code ?? null)) continue;
      checked++;
      if (!allSlots.has(`${r.gmc_number}|${toDay(r.session_date ?? '')}|${r.period}|clinic`)) offPlan++;
    }
    expect(checked).toBeGreaterThan(10_000);
    expect(offPlan).toBe(0);
  });
});

describe('planted patterns', () => {
  it('ophthalmology: patients per week rise by about 18% after the change date', () => {
    const o = ex.patterns.ophthalmology;
    expect(o.changeDate).toBe('2026-03-02');
    expect(o.baselineKind).toBe('same_weeks_previous_year');
    const clinics = uniqueBy(ex.clinics, 'session_id').filter(
      (r) => r.specialty_code === '130' && r.status === 'held',
    );
    const lists = uniqueBy(ex.lists, 'list_id').filter(
      (r) => r.specialty_code === '130' && r.status === 'held',
    );
    const perWeek = (from: string, to: string) => {
      const inWindow = (d: string) => d >= from && d <= to;
      const patients =
        clinics.filter((r) => inWindow(r.session_date ?? '')).reduce((s, r) => s + Number(r.attended), 0) +
        lists.filter((r) => inWindow(r.list_date ?? '')).reduce((s, r) => s + Number(r.cases_done), 0);
      return patients / ((toDay(to) - toDay(from) + 1) / 7);
    };
    const casesPerList = (from: string, to: string) => {
      const inWindow = lists.filter((r) => (r.list_date ?? '') >= from && (r.list_date ?? '') <= to);
      return inWindow.reduce((s, r) => s + Number(r.cases_done), 0) / inWindow.length;
    };
    const ratio = perWeek(o.after.from, o.after.to) / perWeek(o.baseline.from, o.baseline.to);
    expect(ratio).toBeGreaterThan(1.18 * 0.96);
    expect(ratio).toBeLessThan(1.18 * 1.04);
    expect(ratio).toBeCloseTo(o.ratio ?? 0, 2);
    expect(casesPerList(o.baseline.from, o.baseline.to)).toBeGreaterThan(6.5);
    expect(casesPerList(o.baseline.from, o.baseline.to)).toBeLessThan(7.5);
    expect(casesPerList(o.after.from, o.after.to)).toBeGreaterThan(8.5);
    expect(casesPerList(o.after.from, o.after.to)).toBeLessThan(9.5);
  });

  it('over-deliverers: many additional sessions (+20–30% over plan), Saturdays and evenings', () => {
    expect(ex.patterns.overDeliverers.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ex.patterns.overDeliverers.map((o) => o.specialtyCode)).size).toBeGreaterThanOrEqual(2);
    const rows = [...uniqueBy(ex.clinics, 'session_id'), ...uniqueBy(ex.lists, 'list_id')];
    const additionalShare = (gmc: string) => {
      const mine = rows.filter((r) => r.gmc_number === gmc && r.status === 'held');
      const extra = mine.filter((r) => r.additional === 'Y');
      return { share: extra.length / (mine.length - extra.length), extra };
    };
    const others = ex.consultants
      .filter((c) => !ex.patterns.overDeliverers.some((o) => o.gmcNumber === c.gmc_number))
      .map((c) => additionalShare(c.gmc_number ?? '').share)
      .sort((a, b) => a - b);
    const median = others[Math.floor(others.length / 2)] ?? 0;
    for (const o of ex.patterns.overDeliverers) {
      const { share, extra } = additionalShare(o.gmcNumber);
      expect(share, o.gmcNumber).toBeGreaterThan(0.2);
      expect(share, o.gmcNumber).toBeLessThan(0.45);
      expect(share).toBeGreaterThan(median * 4);
      const outOfHours = extra.filter(
        (r) => weekday(toDay(r.session_date ?? r.list_date ?? '')) === 6 || r.period === 'EVE',
      );
      expect(outOfHours.length / extra.length).toBeGreaterThan(0.8);
    }
  });

  it('under-deliverers: frequent short-notice leave, planned sessions not held and not backfilled', () => {
    const under = ex.patterns.underDeliverers;
    expect(under.length).toBeGreaterThanOrEqual(3);
    expect(new Set(under.map((u) => u.specialtyCode)).size).toBeGreaterThanOrEqual(2);
    const { startDate, endDate } = ex.patterns.generator;
    const held = heldIndex(ex.clinics, ex.lists);
    for (const u of under) {
      const leave = ex.leave.filter((r) => r.gmc_number === u.gmcNumber);
      const short = leave.filter((r) => {
        if (['sick', 'parental', 'compassionate'].includes(r.leave_type ?? '')) return false;
        const notice = noticeOf(r, toDay(r.start_date ?? ''));
        return notice !== null && notice < NOTICE_DAYS;
      });
      expect(short.length, u.gmcNumber).toBeGreaterThanOrEqual(15);
      // Planned sessions that fall in that short-notice leave: many, and none held by anyone.
      const cover = leaveCover(short);
      const slots = expandPlans(
        ex.jobPlans.filter((r) => r.gmc_number === u.gmcNumber),
        toDay(startDate),
        toDay(endDate),
      ).filter((s) => cover.has(`${s.gmc}|${s.day}|${s.period}`));
      expect(slots.length, u.gmcNumber).toBeGreaterThanOrEqual(15);
      for (const s of slots) expect(held.has(`${s.gmc}|${s.day}|${s.period}|${s.category}`)).toBe(false);
      const codes = new Set(
        ex.jobPlans
          .filter((r) => r.gmc_number === u.gmcNumber)
          .map((r) => r.linked_codes)
          .filter(Boolean),
      );
      const shortDays = new Set(slots.map((s) => toIso(s.day)));
      const backfilled = ex.clinics.filter(
        (r) => r.status === 'held' && codes.has(r.clinic_code) && shortDays.has(r.session_date ?? ''),
      );
      expect(backfilled).toHaveLength(0);
    }
    const surgeon = under.find((u) => u.listsPlanned > 0 && u.listCancelReasons.length > 0);
    expect(surgeon).toBeDefined();
    const lists = uniqueBy(ex.lists, 'list_id').filter(
      (r) => r.gmc_number === surgeon?.gmcNumber && r.additional === 'N',
    );
    const pressure = lists.filter(
      (r) =>
        r.status === 'cancelled' && ['No beds', 'Theatre staff shortage'].includes(r.cancel_reason ?? ''),
    );
    expect(pressure.length / lists.length).toBeGreaterThan(0.15);
  });

  it('template drift: slots fall from 12 to 8 while the job plan still expects 12', () => {
    expect(ex.patterns.templateDrift).toHaveLength(3);
    const { startDate, endDate } = ex.patterns.generator;
    const early = toIso(toDay(startDate) + 90);
    const late = toIso(toDay(endDate) - 90);
    for (const d of ex.patterns.templateDrift) {
      const plan = ex.jobPlans.filter((r) => r.linked_codes === d.clinicCode);
      expect(plan.length).toBeGreaterThan(0);
      for (const r of plan) expect(r.expected_output).toBe('12');
      const sessions = uniqueBy(ex.clinics, 'session_id').filter(
        (r) => r.clinic_code === d.clinicCode && r.status === 'held',
      );
      const slots = (rows: Row[]) =>
        rows.reduce((s, r) => s + Number(r.slots_new) + Number(r.slots_fu), 0) / rows.length;
      expect(slots(sessions.filter((r) => (r.session_date ?? '') < early))).toBeCloseTo(12, 0);
      expect(slots(sessions.filter((r) => (r.session_date ?? '') > late))).toBeCloseTo(8, 0);
    }
  });

  it('data quality: unknown GMC numbers, duplicate records, missing timestamps, unlinked clinic codes, overlapping leave', () => {
    const dq = ex.patterns.dataQuality;
    const known = new Set(ex.consultants.map((c) => c.gmc_number));
    const unknownClinic = ex.clinics.filter((r) => !known.has(r.gmc_number));
    const unknownLists = ex.lists.filter((r) => !known.has(r.gmc_number));
    expect(unknownClinic.length).toBeGreaterThan(10);
    expect(unknownLists.length).toBeGreaterThan(3);
    for (const r of [...unknownClinic, ...unknownLists]) expect(dq.unknownGmcNumbers).toContain(r.gmc_number);

    // A duplicate is the same session recorded twice under two ids: identical but for the id.
    const duplicated = (rows: Row[], idKey: string, slotKeys: string[]) => {
      const bySlot = new Map<string, Row[]>();
      for (const r of rows) {
        const slot = slotKeys.map((k) => r[k]).join('|');
        bySlot.set(slot, [...(bySlot.get(slot) ?? []), r]);
      }
      const groups = [...bySlot.values()].filter((copies) => copies.length > 1);
      for (const [first, second] of groups) {
        expect({ ...second, [idKey]: '' }).toEqual({ ...first, [idKey]: '' });
        expect(second?.[idKey]).toBe(`${first?.[idKey]}-2`);
      }
      return groups.map((copies) => copies[1]?.[idKey] ?? '');
    };
    const clinicDupes = duplicated(ex.clinics, 'session_id', [
      'clinic_code',
      'session_date',
      'period',
      'gmc_number',
    ]);
    expect(clinicDupes.length).toBeGreaterThan(0);
    expect(clinicDupes.sort()).toEqual([...dq.duplicateClinicSessionIds].sort());
    expect(new Set(ex.clinics.map((r) => r.session_id)).size).toBe(ex.clinics.length);
    const listDupes = duplicated(ex.lists, 'list_id', ['theatre_code', 'list_date', 'period', 'gmc_number']);
    expect(listDupes.length).toBeGreaterThan(0);
    expect(listDupes.sort()).toEqual([...dq.duplicateTheatreListIds].sort());
    expect(new Set(ex.lists.map((r) => r.list_id)).size).toBe(ex.lists.length);

    const noTimes = uniqueBy(ex.lists, 'list_id').filter((r) => r.status === 'held' && r.actual_start === '');
    expect(noTimes.map((r) => r.list_id).sort()).toEqual([...dq.missingTimestampListIds].sort());

    const linked = new Set(ex.jobPlans.flatMap((r) => (r.linked_codes ?? '').split(';')).filter(Boolean));
    for (const u of dq.unlinkedClinicCodes) {
      expect(linked.has(u.clinicCode ?? '')).toBe(false);
      expect(
        ex.clinics.filter((r) => r.clinic_code === u.clinicCode && r.additional === 'N').length,
      ).toBeGreaterThanOrEqual(4);
    }

    expect(dq.overlappingLeave.length).toBeGreaterThanOrEqual(1);
    for (const o of dq.overlappingLeave) {
      const mine = ex.leave.filter((r) => r.gmc_number === o.gmcNumber);
      const overlaps = mine.some((a, i) =>
        mine.some(
          (b, j) =>
            i !== j &&
            (a.start_date ?? '') <= (b.end_date ?? '') &&
            (b.start_date ?? '') <= (a.end_date ?? ''),
        ),
      );
      expect(overlaps, o.gmcNumber).toBe(true);
    }
  });

  it('job plans: none, expired, draft only, not reviewed, and changed mid-period to another day', () => {
    const jp = ex.patterns.jobPlans;
    const { startDate, endDate } = ex.patterns.generator;
    const rowsOf = (gmc: string) => ex.jobPlans.filter((r) => r.gmc_number === gmc);
    expect(jp.noJobPlan.length).toBeGreaterThanOrEqual(1);
    for (const c of jp.noJobPlan) expect(rowsOf(c.gmcNumber)).toHaveLength(0);
    const withPlan = new Set(ex.jobPlans.map((r) => r.gmc_number));
    expect(1 - withPlan.size / ex.consultants.length).toBeLessThan(0.1);
    expect(jp.draftOnly.length).toBeGreaterThanOrEqual(1);
    for (const c of jp.draftOnly) {
      const rows = rowsOf(c.gmcNumber);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.status === 'draft' && r.agreed_on === '')).toBe(true);
    }
    expect(jp.expired.length).toBeGreaterThanOrEqual(1);
    const yearBeforeEnd = toIso(toDay(endDate) - 365);
    for (const c of jp.expired) {
      const rows = rowsOf(c.gmcNumber);
      expect(
        rows.every(
          (r) =>
            r.effective_to !== '' && (r.effective_to ?? '') < endDate && (r.agreed_on ?? '') < yearBeforeEnd,
        ),
      ).toBe(true);
    }
    expect(jp.notReviewedIn12Months.length).toBeGreaterThanOrEqual(1);
    for (const c of jp.notReviewedIn12Months) {
      expect(
        rowsOf(c.gmcNumber).every(
          (r) => r.status === 'agreed' && (r.agreed_on ?? '') < yearBeforeEnd && r.effective_to === '',
        ),
      ).toBe(true);
    }
    // Plan history: version 1 ends the day before version 2 starts, inside the period; some move a session to another day.
    const moved = jp.changedMidPeriod.filter((c) => c.change?.includes(' moved from '));
    expect(moved.length).toBeGreaterThan(0);
    let differentDay = 0;
    for (const c of jp.changedMidPeriod) {
      const rows = rowsOf(c.gmcNumber);
      const v1 = rows.filter((r) => r.version === '1');
      const v2 = rows.filter((r) => r.version === '2');
      expect(v1.length).toBeGreaterThan(0);
      expect(v2.length).toBeGreaterThan(0);
      expect(v2[0]?.effective_from).toBe(c.changeDate);
      expect(c.changeDate > startDate && c.changeDate <= endDate).toBe(true);
      expect(toDay(v1[0]?.effective_to ?? '')).toBe(toDay(c.changeDate) - 1);
      const sessionDays = (rs: Row[]) =>
        rs
          .filter((r) => categoryOf(r.activity_type ?? '') && r.day_of_week)
          .map((r) => `${r.day_of_week} ${r.period} ${r.activity_type}`)
          .sort()
          .join(',');
      if (c.change?.includes(' moved from ') && sessionDays(v1) !== sessionDays(v2)) differentDay++;
    }
    expect(differentDay).toBeGreaterThan(0);
  });
});

describe('cli', () => {
  it('parses flags, writes the files and prints a one-line JSON summary', async () => {
    const out = join(tmpRoot, 'cli');
    const lines: string[] = [];
    const summary = await runGenerateDemo(
      ['--seed', '7', '--consultants=40', '--months', '12', '--end', '2025-12-31', '--out', out],
      (l) => lines.push(l),
    );
    expect(lines).toHaveLength(1);
    const printed = JSON.parse(lines[0] ?? '{}') as {
      out: string;
      rows: Record<string, number>;
      startDate: string;
    };
    expect(printed.out).toBe(out);
    expect(printed.startDate).toBe('2025-01-01');
    expect(Object.keys(printed.rows).sort()).toEqual([...CSV_FILES].sort());
    expect(summary?.rows[DEMO_FILE_NAMES.consultants]).toBe(40);
    const { rows } = await readCsv(out, DEMO_FILE_NAMES.clinicSessions);
    expect(rows).toHaveLength(printed.rows[DEMO_FILE_NAMES.clinicSessions] ?? -1);
  }, 30_000);

  it('rejects unknown flags and bad values', async () => {
    await expect(runGenerateDemo(['--bogus', '1'], () => {})).rejects.toThrow(/Unknown option/);
    await expect(runGenerateDemo(['--months', 'x'], () => {})).rejects.toThrow(/integer/);
    await expect(runGenerateDemo(['--consultants', '5'], () => {})).rejects.toThrow(/consultants/);
    await expect(runGenerateDemo(['--end', '2030-01-31'], () => {})).rejects.toThrow(/bank holidays/);
  });
});

describe('the demo extracts follow the import formats', () => {
  it('writes each file with exactly the canonical columns of its kind, in order', async () => {
    const { IMPORT_FORMATS } = await import('@/lib/shared/import-formats');
    const types = await import('./types');
    const pairs = [
      [types.CONSULTANT_COLUMNS, 'consultants'],
      [types.JOB_PLAN_COLUMNS, 'job-plans'],
      [types.CLINIC_SESSION_COLUMNS, 'clinic-sessions'],
      [types.THEATRE_LIST_COLUMNS, 'theatre-lists'],
      [types.LEAVE_COLUMNS, 'leave'],
    ] as const;
    for (const [columns, kind] of pairs) {
      expect([...columns], kind).toEqual(IMPORT_FORMATS[kind].columns.map((column) => column.name));
    }
  });
});
