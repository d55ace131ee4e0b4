import {
  TABLE_EXPORT_PAGE_PATH_MAX,
  type TableExportFormat,
  type TableExportRecord,
} from '@/lib/shared/schemas/exports';

/** The page the table is on, with its filters (the URL holds them), cut to what the server records. */
export function currentPagePath(): string {
  const path = `${window.location.pathname}${window.location.search}`;
  return path.slice(0, TABLE_EXPORT_PAGE_PATH_MAX);
}

/**
 * Tells the server a table was downloaded, for the audit log (POST /api/exports). It never delays or stops the
 * download: the request is sent without waiting for it, and `keepalive` lets it finish if the page is left. Same
 * origin with the session cookie, as every call of the app's own API (the server's CSRF check reads the
 * browser's Sec-Fetch-Site).
 */
export function recordTableExport(fileName: string, format: TableExportFormat, rows: number): void {
  const record: TableExportRecord = { fileName, format, rows, pagePath: currentPagePath() };
  try {
    fetch('/api/exports', {
      method: 'POST',
      keepalive: true,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(record),
    }).catch(() => undefined);
  } catch {
    // A browser that refuses the request (e.g. too many keepalive bodies in flight): the file is saved regardless.
  }
}
