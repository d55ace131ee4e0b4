import { describe, expect, it } from 'vitest';
import { PREVIEW_BYTES, readCsvPreview } from './read-csv-preview';

const blob = (content: string | Uint8Array<ArrayBuffer>) => new Blob([content]);

describe('readCsvPreview', () => {
  it('reads the header and at most ten rows, quoted commas and newlines included, BOM dropped', async () => {
    const lines = ['\uFEFFgmc_number,name', '"4000001","Patel, Asha"', '4000002,"Line one\nline two"'];
    for (let i = 3; i <= 20; i++) lines.push(`40000${String(i).padStart(2, '0')},Dr ${i}`);
    const preview = await readCsvPreview(blob(lines.join('\r\n')));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.headers).toEqual(['gmc_number', 'name']);
    expect(preview.rows).toHaveLength(10);
    expect(preview.rows[0]).toEqual(['4000001', 'Patel, Asha']);
    expect(preview.rows[1]).toEqual(['4000002', 'Line one\nline two']);
  });

  it('reads only the start of a large file and drops the line the slice cut', async () => {
    const row = `${'x'.repeat(1000)}\n`;
    const preview = await readCsvPreview(blob(`a\n${row.repeat(200)}`));
    expect(preview.ok && preview.rows.every((cells) => cells[0]?.length === 1000)).toBe(true);
    expect(200 * row.length).toBeGreaterThan(PREVIEW_BYTES);
  });

  it('reports an empty file, a header without rows, other separators and non-UTF-8 text', async () => {
    expect(await readCsvPreview(blob(''))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/empty/),
    });
    expect(await readCsvPreview(blob('a,b\n'))).toMatchObject({
      message: expect.stringMatching(/no data rows/),
    });
    expect(await readCsvPreview(blob('a;b\n1;2\n'))).toMatchObject({
      message: expect.stringMatching(/semicolons/),
    });
    expect(
      await readCsvPreview(blob(new Uint8Array([0x61, 0x2c, 0xe9, 0x0a, 0x31, 0x2c, 0x32]))),
    ).toMatchObject({
      message: expect.stringMatching(/not UTF-8/),
    });
  });
});
