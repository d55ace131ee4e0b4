import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tableExportRecordSchema } from '@/lib/shared/schemas/exports';
import { saveCsv, saveXlsx } from './export-buttons';

/*
 * The buttons save the file in the browser and then tell the server (POST /api/exports) for the audit log. The
 * unit project runs in Node, so the browser's document, location and fetch are stood in for here.
 */

const table = {
  columns: ['Consultant', 'Sessions'],
  rows: [
    ['Dr Ada Able', 12],
    ['Dr Ben Bell', 9],
    ['Dr Cal Cole', null],
  ],
};

let events: string[];
let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  events = [];
  const link = {
    href: '',
    download: '',
    click: () => events.push(`click ${link.download}`),
    remove: () => {},
  };
  vi.stubGlobal('document', { createElement: () => link, body: { append: () => {} } });
  vi.stubGlobal('window', {
    location: { pathname: '/specialties/4', search: '?from=2026-03-01&to=2026-03-31' },
  });
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fulfil/1');
  vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
  fetchMock = vi.fn((url: string) => {
    events.push(`record ${url}`);
    return Promise.resolve(new Response(null, { status: 204 }));
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function sentRecord() {
  expect(fetchMock).toHaveBeenCalledTimes(1);
  const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
  expect(url).toBe('/api/exports');
  expect(init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'same-origin' });
  expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  return tableExportRecordSchema.parse(JSON.parse(String(init.body)));
}

describe('the download buttons record each download', () => {
  it('saves the CSV first, then sends the record with keepalive', () => {
    saveCsv('Consultants: Ophthalmology', table);
    expect(events).toEqual(['click fulfil-consultants-ophthalmology.csv', 'record /api/exports']);
    expect(sentRecord()).toEqual({
      fileName: 'fulfil-consultants-ophthalmology.csv',
      format: 'csv',
      rows: 3,
      pagePath: '/specialties/4?from=2026-03-01&to=2026-03-31',
    });
  });

  it('records an XLSX download once the workbook is saved', async () => {
    await saveXlsx('Sessions', table);
    expect(events).toEqual(['click fulfil-sessions.xlsx', 'record /api/exports']);
    expect(sentRecord()).toMatchObject({ fileName: 'fulfil-sessions.xlsx', format: 'xlsx', rows: 3 });
  });

  it('still saves the file when the record fails or cannot be sent', async () => {
    fetchMock.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(() => saveCsv('Sessions', table)).not.toThrow();
    fetchMock.mockImplementationOnce(() => {
      throw new TypeError('keepalive quota exceeded');
    });
    expect(() => saveCsv('Sessions', table)).not.toThrow();
    expect(events.filter((event) => event.startsWith('click'))).toHaveLength(2);
    await Promise.resolve();
  });

  it('cuts a long page path to what the server accepts', () => {
    vi.stubGlobal('window', { location: { pathname: '/consultants', search: `?q=${'x'.repeat(2000)}` } });
    saveCsv('Sessions', { columns: ['a'], rows: [] });
    const record = sentRecord();
    expect(record.pagePath).toHaveLength(1000);
    expect(record.rows).toBe(0);
  });
});

describe('the XLSX download', () => {
  it('shows each column in its format (percentages for ratios) while keeping the full numbers', async () => {
    await saveXlsx('Specialties', {
      columns: ['Specialty', 'Fulfilment (net)', 'Patients a week'],
      rows: [['Ophthalmology', 0.8887897633485468, 776.2356164383561]],
      formats: [null, '0.0%', '0.0'],
    });
    const blob = vi.mocked(URL.createObjectURL).mock.calls[0]?.[0] as Blob;
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const row = workbook.worksheets[0]?.getRow(2);
    expect(row?.getCell(2).value).toBe(0.8887897633485468);
    expect(row?.getCell(2).numFmt).toBe('0.0%');
    expect(row?.getCell(3).numFmt).toBe('0.0');
    expect(row?.getCell(1).value).toBe('Ophthalmology');
  });
});
