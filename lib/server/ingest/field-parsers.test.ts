import { describe, expect, it } from 'vitest';
import {
  FieldError,
  type FieldParser,
  memoise,
  parseCode,
  parseCount,
  parseDate,
  parseDecimal,
  parseGmcNumber,
  parseOneOf,
  parseText,
  parseTime,
  parseYesNo,
  truncate,
} from './field-parsers';

/** The parser's message for an input it must reject (fails the test if it accepts it). */
function errorOf(parse: FieldParser, raw: string): string {
  const result = parse(raw);
  if (!(result instanceof FieldError)) throw new Error(`expected "${raw}" to be rejected, got "${result}"`);
  return result.message;
}

describe('parseDate', () => {
  it.each([
    ['2025-01-31', '2025-01-31'],
    ['2026-05-12', '2026-05-12'],
    ['31/12/2025', '2025-12-31'],
    ['1/2/2025', '2025-02-01'],
    ['03/04/2026', '2026-04-03'],
    ['29/02/2024', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
    ['01/01/1900', '1900-01-01'],
    ['31/12/2100', '2100-12-31'],
  ])('reads %s as %s (ISO, or UK day/month/year)', (raw, expected) => {
    expect(parseDate(raw)).toBe(expected);
  });

  it('reads an ambiguous dd/mm date in UK order, never US order', () => {
    expect(parseDate('03/04/2026')).toBe('2026-04-03');
    expect(parseDate('12/01/2026')).toBe('2026-01-12');
  });

  it('rejects 31/02/2025, which is not a real date', () => {
    expect(errorOf(parseDate, '31/02/2025')).toBe('31/02/2025 is not a real date (dd/mm/yyyy)');
  });

  it('rejects 29 February in a year that is not a leap year', () => {
    expect(errorOf(parseDate, '29/02/2025')).toBe('29/02/2025 is not a real date (dd/mm/yyyy)');
    expect(errorOf(parseDate, '2025-02-29')).toBe('2025-02-29 is not a real date');
  });

  it('rejects 12/31/2025 as US order and says which orders are accepted', () => {
    expect(errorOf(parseDate, '12/31/2025')).toBe(
      '12/31/2025 looks like US order (mm/dd/yyyy); dates must be dd/mm/yyyy or YYYY-MM-DD',
    );
  });

  it('rejects two-digit (and three-digit) years and asks for the year in full', () => {
    expect(errorOf(parseDate, '1/2/25')).toBe(
      '1/2/25 has a 2-digit year; write the year in full (dd/mm/yyyy)',
    );
    expect(errorOf(parseDate, '18/05/26')).toContain('write the year in full');
    expect(errorOf(parseDate, '1/2/202')).toContain('3-digit year');
  });

  it('rejects ISO dates with month 13, day 0 or day 32', () => {
    expect(errorOf(parseDate, '2025-13-01')).toBe('2025-13-01 is not a real date');
    expect(errorOf(parseDate, '2025-01-00')).toBe('2025-01-00 is not a real date');
    expect(errorOf(parseDate, '2025-01-32')).toBe('2025-01-32 is not a real date');
  });

  it('rejects a UK date whose day and month are both above 12', () => {
    expect(errorOf(parseDate, '13/13/2025')).toBe('13/13/2025 is not a real date (dd/mm/yyyy)');
    expect(errorOf(parseDate, '00/05/2025')).toContain('is not a real date');
  });

  it('rejects years outside 1900–2100', () => {
    expect(errorOf(parseDate, '1899-12-31')).toBe('1899-12-31 is outside 1900–2100');
    expect(errorOf(parseDate, '01/01/2101')).toBe('01/01/2101 is outside 1900–2100');
  });

  it.each([
    'tomorrow',
    '2025-1-5',
    '2025/01/05',
    '12-05-2026',
    '12.05.2026',
    '2026-05-12T00:00:00',
    '12/05/2026 00:00',
    '46154',
  ])('rejects "%s" and names the accepted formats', (raw) => {
    expect(errorOf(parseDate, raw)).toBe(`expected a date as YYYY-MM-DD or dd/mm/yyyy, got "${raw}"`);
  });
});

describe('parseTime', () => {
  it.each([
    ['09:00', '09:00'],
    ['9:05', '09:05'],
    ['00:00', '00:00'],
    ['23:59', '23:59'],
    ['13:30:00', '13:30'],
    ['13:30:59', '13:30'],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseTime(raw)).toBe(expected);
  });

  it('rejects 24:00 and 12:60, which are not times of day', () => {
    expect(errorOf(parseTime, '24:00')).toBe('24:00 is not a time of day');
    expect(errorOf(parseTime, '12:60')).toBe('12:60 is not a time of day');
  });

  it('rejects a seconds part that is not a number of seconds (over 59)', () => {
    expect(errorOf(parseTime, '09:00:75')).toBe('09:00:75 is not a time of day');
    expect(errorOf(parseTime, '09:00:60')).toBe('09:00:60 is not a time of day');
  });

  it.each(['9:5', '0900', '9am', '09:00 AM', '09.00', '9', '', '09:00:5'])(
    'rejects "%s" and asks for HH:MM',
    (raw) => {
      expect(errorOf(parseTime, raw)).toBe(`expected a 24-hour time as HH:MM, got "${raw}"`);
    },
  );
});

describe('parseCount', () => {
  const parseAnyCount = parseCount();

  it.each(['0', '7', '12', '999999999'])('accepts the whole number %s', (raw) => {
    expect(parseAnyCount(raw)).toBe(raw);
  });

  it('rejects negative counts and says counts are 0 or more', () => {
    expect(errorOf(parseAnyCount, '-1')).toBe('-1 is negative; counts must be 0 or more');
    expect(errorOf(parseAnyCount, '-12')).toBe('-12 is negative; counts must be 0 or more');
  });

  it('rejects counts over the default maximum (999999999) and says the maximum', () => {
    expect(errorOf(parseAnyCount, '1000000000')).toBe('1000000000 is too large; at most 999999999');
    expect(errorOf(parseAnyCount, '1234567890')).toBe('1234567890 is too large; at most 999999999');
    expect(errorOf(parseAnyCount, '99999999999999999999')).toBe(
      '99999999999999999999 is too large; at most 999999999',
    );
  });

  it('takes a maximum: parseCount(52) accepts 0 to 52 and rejects more, saying the maximum', () => {
    const parseCycleWeeks = parseCount(52);
    expect(parseCycleWeeks('0')).toBe('0');
    expect(parseCycleWeeks('52')).toBe('52');
    expect(errorOf(parseCycleWeeks, '53')).toBe('53 is too large; at most 52');
    expect(errorOf(parseCycleWeeks, '40000')).toBe('40000 is too large; at most 52');
    expect(errorOf(parseCycleWeeks, '-1')).toBe('-1 is negative; counts must be 0 or more');
    expect(errorOf(parseCycleWeeks, '2.5')).toBe('expected a whole number, got "2.5"');
  });

  it.each(['1.5', '1,200', 'twelve', '+3', '1e3', '=2+1', '12 '])(
    'rejects "%s" as not a whole number',
    (raw) => {
      expect(errorOf(parseAnyCount, raw)).toBe(`expected a whole number, got "${raw}"`);
    },
  );
});

describe('parseDecimal', () => {
  const parseAnyDecimal = parseDecimal();

  it.each(['0', '0.5', '10', '7.25', '42.0', '999999'])('accepts %s', (raw) => {
    expect(parseAnyDecimal(raw)).toBe(raw);
  });

  it('rejects negative values', () => {
    expect(errorOf(parseAnyDecimal, '-0.5')).toBe('-0.5 is negative; expected 0 or more');
  });

  it('rejects values over the default maximum (999999) and says the maximum', () => {
    expect(errorOf(parseAnyDecimal, '1000000')).toBe('1000000 is too large; at most 999999');
    expect(errorOf(parseAnyDecimal, '999999.01')).toBe('999999.01 is too large; at most 999999');
  });

  it('takes a maximum: parseDecimal(99.99) accepts up to 99.99 and rejects more, saying the maximum', () => {
    const parsePas = parseDecimal(99.99);
    expect(parsePas('0.5')).toBe('0.5');
    expect(parsePas('99.99')).toBe('99.99');
    expect(errorOf(parsePas, '99.991')).toBe('99.991 is too large; at most 99.99');
    expect(errorOf(parsePas, '100')).toBe('100 is too large; at most 99.99');
    expect(errorOf(parsePas, '1000')).toBe('1000 is too large; at most 99.99');
    expect(errorOf(parsePas, '-1')).toBe('-1 is negative; expected 0 or more');
  });

  it('takes a fractional maximum as it is: parseDecimal(99.999)', () => {
    const parsePaValue = parseDecimal(99.999);
    expect(parsePaValue('99.999')).toBe('99.999');
    expect(errorOf(parsePaValue, '100')).toBe('100 is too large; at most 99.999');
  });

  it.each(['.5', '1,5', '1e3', 'ten', '10.'])('rejects "%s" and shows the expected form', (raw) => {
    expect(errorOf(parseAnyDecimal, raw)).toBe(`expected a number such as 1 or 0.5, got "${raw}"`);
  });

  it('rejects numbers longer than 12 characters', () => {
    expect(errorOf(parseAnyDecimal, '1234567890.12')).toBe(
      'expected a number such as 1 or 0.5, got "1234567890.12"',
    );
  });
});

describe('parseGmcNumber', () => {
  it('accepts exactly seven digits', () => {
    expect(parseGmcNumber('4123456')).toBe('4123456');
  });

  it.each(['412345', '41234567', 'GMC4123456', '4123456.0', '412 3456'])('rejects "%s"', (raw) => {
    expect(errorOf(parseGmcNumber, raw)).toBe(`expected a 7-digit GMC number, got "${raw}"`);
  });
});

describe('parseYesNo', () => {
  it.each([
    ['Y', 'true'],
    ['y', 'true'],
    ['Yes', 'true'],
    ['YES', 'true'],
    ['N', 'false'],
    ['n', 'false'],
    ['No', 'false'],
    ['no', 'false'],
  ])('reads %s as %s', (raw, expected) => {
    expect(parseYesNo(raw)).toBe(expected);
  });

  it.each(['Maybe', 'TRUE', '1', '0', 'Ye'])('rejects "%s" and asks for Y or N', (raw) => {
    expect(errorOf(parseYesNo, raw)).toBe(`expected Y or N, got "${raw}"`);
  });
});

describe('parseOneOf', () => {
  const parsePeriod = parseOneOf(['AM', 'PM', 'EVE']);

  it('matches case-insensitively and returns the canonical spelling', () => {
    expect(parsePeriod('am')).toBe('AM');
    expect(parsePeriod('Eve')).toBe('EVE');
  });

  it('rejects other values and lists the allowed ones', () => {
    expect(errorOf(parsePeriod, 'Morning')).toBe('expected one of AM, PM, EVE, got "Morning"');
  });
});

describe('parseText', () => {
  const parseReason = parseText(200);

  it('keeps ordinary text as it is, newlines, tabs, quotes and commas included', () => {
    expect(parseReason('Consultant on study leave')).toBe('Consultant on study leave');
    expect(parseReason('Consultant sick\nNo locum')).toBe('Consultant sick\nNo locum');
    expect(parseReason('Consultant sick\r\nNo locum')).toBe('Consultant sick\r\nNo locum');
    expect(parseReason('Room 3\tEye Unit')).toBe('Room 3\tEye Unit');
    expect(parseReason('Room unavailable, "Eye Unit" refurbishment')).toBe(
      'Room unavailable, "Eye Unit" refurbishment',
    );
    expect(parseReason('Dr Renée O’Brien')).toBe('Dr Renée O’Brien');
  });

  it.each([
    '+44 20 7946 0000',
    '+44 1234 567890',
    '-5',
    '-0.5',
    '+.5',
    '-.5',
    '- see notes',
    '+ locum booked',
    '-',
    '+',
  ])('keeps "%s": a + or - before a number, a space or nothing is not a formula', (raw) => {
    expect(parseReason(raw)).toBe(raw);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', '='],
    ['=1+1', '='],
    ['@SUM(A1:A2)', '@'],
    ["-cmd|' /C calc'!A0", '-'],
    ["-1+cmd|' /C calc'!A0", '-'],
    ['-2+3', '-'],
    ['+SUM(A1)', '+'],
    ['+A1', '+'],
    ['--5', '-'],
    ['-=1', '-'],
  ])('rejects "%s", which a spreadsheet would run as a formula', (raw, lead) => {
    expect(errorOf(parseReason, raw)).toBe(
      `"${truncate(raw)}" looks like a spreadsheet formula; remove the leading ${lead}`,
    );
  });

  it('shortens a long formula in the message', () => {
    const formula = `=${'A'.repeat(100)}`;
    expect(errorOf(parseReason, formula)).toBe(
      `"${formula.slice(0, 40)}…" looks like a spreadsheet formula; remove the leading =`,
    );
  });

  it.each(['0000', '0001', '0007', '0008', '000B', '000C', '000E', '001B', '001F', '007F'])(
    'rejects the control character U+%s and names it',
    (hex) => {
      const raw = `Consultant sick${String.fromCharCode(Number.parseInt(hex, 16))}, no locum`;
      expect(errorOf(parseReason, raw)).toBe(`contains a control character (U+${hex}); remove it`);
    },
  );

  it('names the first control character of several, wherever it is', () => {
    expect(errorOf(parseReason, '\u0007Consultant\u0000 sick')).toBe(
      'contains a control character (U+0007); remove it',
    );
    expect(errorOf(parseReason, 'Consultant \u001F\u0000sick')).toBe(
      'contains a control character (U+001F); remove it',
    );
  });

  it('rejects text over the maximum length and says both lengths', () => {
    expect(errorOf(parseReason, 'x'.repeat(201))).toBe('is 201 characters long; at most 200 allowed');
    expect(parseReason('x'.repeat(200))).toBe('x'.repeat(200));
  });
});

describe('parseCode', () => {
  const parseClinicCode = parseCode(32);

  it.each(['OPHC01', 'TH03', '130', 'JP-2041', 'CS000123', 'A.B_C/D:E'])('accepts the code %s', (raw) => {
    expect(parseClinicCode(raw)).toBe(raw);
  });

  it.each(['TH 03', 'OPHC01 ', '-TH03', '=TH03', 'TH03;TH04', 'Théâtre'])(
    'rejects "%s" and says what a code may contain',
    (raw) => {
      expect(errorOf(parseClinicCode, raw)).toBe(
        `"${raw}" is not a code (letters, digits, - _ . / : and no spaces)`,
      );
    },
  );

  it('rejects codes over the maximum length', () => {
    expect(errorOf(parseCode(10), 'ABCDEFGHIJK')).toBe('is 11 characters long; at most 10 allowed');
  });
});

describe('memoise', () => {
  it('stops remembering a column whose values rarely repeat (an id), after a trial of 5,000 values', () => {
    let calls = 0;
    const parse = memoise((raw) => {
      calls++;
      return raw;
    });
    for (let i = 0; i < 5_000; i++) parse(`CS${i}`);
    expect(calls).toBe(5_000);
    parse('CS1');
    parse('CS1');
    expect(calls).toBe(5_002);
  });

  it('keeps remembering a column whose values repeat', () => {
    let calls = 0;
    const parse = memoise((raw) => {
      calls++;
      return raw;
    });
    for (let i = 0; i < 10_000; i++) parse(`2026-01-${String((i % 28) + 1).padStart(2, '0')}`);
    expect(calls).toBe(28);
  });

  it('answers as the parser does, asking it once per distinct value', () => {
    const asked: string[] = [];
    const parse = memoise((raw) => {
      asked.push(raw);
      return parseTime(raw);
    });
    expect(parse('9:05')).toBe('09:05');
    expect(parse('9:05')).toBe('09:05');
    expect(errorOf(parse, '24:00')).toBe('24:00 is not a time of day');
    expect(errorOf(parse, '24:00')).toBe('24:00 is not a time of day');
    expect(asked).toEqual(['9:05', '24:00']);
  });

  it('remembers at most maxEntries answers, and still answers the rest', () => {
    const asked: string[] = [];
    const parse = memoise((raw) => {
      asked.push(raw);
      return raw;
    }, 2);
    for (const raw of ['a', 'b', 'c', 'a', 'b', 'c']) expect(parse(raw)).toBe(raw);
    expect(asked).toEqual(['a', 'b', 'c', 'c']);
  });
});

describe('truncate', () => {
  it('leaves short text alone and cuts long text with an ellipsis', () => {
    expect(truncate('short')).toBe('short');
    expect(truncate('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`);
    expect(truncate('abcdef', 3)).toBe('abc…');
  });
});
