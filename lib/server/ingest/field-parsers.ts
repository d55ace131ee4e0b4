/**
 * Field parsers for import rows: each takes the raw cell text and returns the value normalised for COPY
 * (ISO dates, 24-hour times, plain numbers; '' for empty) or a `FieldError` saying what was expected.
 * They are plain functions, not zod, because they run on every cell of million-row files (see
 * ../shared/notes/PERFORMANCE.md: a zod object parse per row costs ~8 s per million rows).
 */
export class FieldError {
  constructor(readonly message: string) {}
}

export type FieldParser = (raw: string) => string | FieldError;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/**
 * What a spreadsheet would run: = or @ first; or + or - first, followed by anything but a number, or by a number
 * with formula punctuation after it (`-1+cmd|' /C calc'!A0`). "+44 20 7946 0000" and "- no beds" are text.
 */
const FORMULA = /^(?:[=@]|[+-](?![\d.\s]|$)|[+-].*[|!=(+@])/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const WHOLE_NUMBER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date: ISO `YYYY-MM-DD` or UK `dd/mm/yyyy`. Never US order, never two-digit years. */
export const parseDate: FieldParser = (raw) => {
  const iso = ISO_DATE.exec(raw);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isRealDate(year, month, day)) return new FieldError(`${raw} is not a real date`);
    if (year < 1900 || year > 2100) return new FieldError(`${raw} is outside 1900–2100`);
    return raw;
  }
  const uk = UK_DATE.exec(raw);
  if (uk) {
    const [day, month, yearText] = [Number(uk[1]), Number(uk[2]), uk[3] ?? ''];
    if (yearText.length !== 4) {
      return new FieldError(
        `${raw} has a ${yearText.length}-digit year; write the year in full (dd/mm/yyyy)`,
      );
    }
    const year = Number(yearText);
    if (month > 12 && day <= 12) {
      return new FieldError(
        `${raw} looks like US order (mm/dd/yyyy); dates must be dd/mm/yyyy or YYYY-MM-DD`,
      );
    }
    if (!isRealDate(year, month, day)) return new FieldError(`${raw} is not a real date (dd/mm/yyyy)`);
    if (year < 1900 || year > 2100) return new FieldError(`${raw} is outside 1900–2100`);
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  return new FieldError(`expected a date as YYYY-MM-DD or dd/mm/yyyy, got "${raw}"`);
};

/** A time of day, 24-hour `HH:MM` (seconds allowed and dropped). */
export const parseTime: FieldParser = (raw) => {
  const match = TIME.exec(raw);
  if (!match) return new FieldError(`expected a 24-hour time as HH:MM, got "${raw}"`);
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return new FieldError(`${raw} is not a time of day`);
  return `${pad(hours)}:${pad(minutes)}`;
};

/** A count: a whole number from 0 to `max`. */
export function parseCount(max = 999_999_999): FieldParser {
  return (raw) => {
    if (WHOLE_NUMBER.test(raw)) {
      if (raw.length > 10 || Number(raw) > max) return new FieldError(`${raw} is too large; at most ${max}`);
      return raw;
    }
    if (/^-\d+$/.test(raw)) return new FieldError(`${raw} is negative; counts must be 0 or more`);
    return new FieldError(`expected a whole number, got "${raw}"`);
  };
}

/** A decimal from 0 to `max`, such as a PA value (`0.5`, `10`). */
export function parseDecimal(max = 999_999): FieldParser {
  return (raw) => {
    if (DECIMAL.test(raw) && raw.length <= 12) {
      if (Number(raw) > max) return new FieldError(`${raw} is too large; at most ${max}`);
      return raw;
    }
    if (/^-\d/.test(raw)) return new FieldError(`${raw} is negative; expected 0 or more`);
    return new FieldError(`expected a number such as 1 or 0.5, got "${raw}"`);
  };
}

/** A GMC reference number: exactly 7 digits. */
export const parseGmcNumber: FieldParser = (raw) =>
  /^\d{7}$/.test(raw) ? raw : new FieldError(`expected a 7-digit GMC number, got "${raw}"`);

/** Y or N (also accepts Yes/No, case-insensitive); normalised to 'true'/'false'. */
export const parseYesNo: FieldParser = (raw) => {
  const upper = raw.toUpperCase();
  if (upper === 'Y' || upper === 'YES') return 'true';
  if (upper === 'N' || upper === 'NO') return 'false';
  return new FieldError(`expected Y or N, got "${raw}"`);
};

/** One of a fixed set of values; matched case-insensitively, normalised to the canonical spelling. */
export function parseOneOf(values: readonly string[]): FieldParser {
  const byLowerCase = new Map(values.map((value) => [value.toLowerCase(), value]));
  return (raw) =>
    byLowerCase.get(raw.toLowerCase()) ??
    new FieldError(`expected one of ${values.join(', ')}, got "${raw}"`);
}

/** Free text up to `maxLength` characters; rejects what a spreadsheet would run as a formula. */
export function parseText(maxLength: number): FieldParser {
  return (raw) => {
    if (raw.length > maxLength)
      return new FieldError(`is ${raw.length} characters long; at most ${maxLength} allowed`);
    if (FORMULA.test(raw)) {
      return new FieldError(
        `"${truncate(raw)}" looks like a spreadsheet formula; remove the leading ${raw[0]}`,
      );
    }
    const control = CONTROL_CHARACTER.exec(raw)?.[0];
    if (control !== undefined) {
      const code = control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      return new FieldError(`contains a control character (U+${code}); remove it`);
    }
    return raw;
  };
}

/** A code (clinic, theatre, specialty, id): letters, digits and - _ . / : without spaces. */
export function parseCode(maxLength: number): FieldParser {
  return (raw) => {
    if (raw.length > maxLength)
      return new FieldError(`is ${raw.length} characters long; at most ${maxLength} allowed`);
    if (!/^[A-Za-z0-9][A-Za-z0-9\-_./:]*$/.test(raw)) {
      return new FieldError(`"${truncate(raw)}" is not a code (letters, digits, - _ . / : and no spaces)`);
    }
    return raw;
  };
}

/**
 * Remembers a parser's answers. Extracts repeat the same dates, times, codes and small counts on row after row,
 * so this saves most of the parsing of a large file. A column whose values rarely repeat (an id) stops being
 * remembered after a trial, so it costs nothing; the memory is bounded by `maxEntries`.
 */
export function memoise(parse: FieldParser, maxEntries = 50_000): FieldParser {
  const answers = new Map<string, string | FieldError>();
  const TRIAL = 5_000;
  let lookups = 0;
  let hits = 0;
  let isWorthIt = true;
  return (raw) => {
    if (!isWorthIt) return parse(raw);
    lookups++;
    const known = answers.get(raw);
    if (known !== undefined) {
      hits++;
      return known;
    }
    if (lookups === TRIAL && hits < TRIAL / 2) {
      isWorthIt = false;
      answers.clear();
    }
    const answer = parse(raw);
    if (isWorthIt && answers.size < maxEntries) answers.set(raw, answer);
    return answer;
  };
}

export function truncate(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
