import type { ColumnMapping } from '@/lib/shared/import-headers';
import {
  type ImportPhase,
  type ImportResultResponse,
  type ImportStreamEvent,
  importStreamEventSchema,
} from '@/lib/shared/schemas/imports';
import { ApiError, toApiError } from './api-client';

export interface ImportUploadInput {
  kind: string;
  file: File;
  dryRun: boolean;
  mapping?: ColumnMapping;
  sourceProfileId?: number;
}

/** Where an upload has got to: bytes sent by the browser, bytes and rows the server has read, and the phase. */
export interface ImportUploadProgress {
  /** `uploading` until the server's first report. */
  phase: 'uploading' | ImportPhase;
  fileBytes: number;
  bytesSent: number;
  bytesRead: number;
  rowsRead: number;
}

/**
 * Splits a growing text into complete lines: feed it each new piece, get back the lines it completed.
 * The last, unfinished line is kept until its newline arrives (or `flush`).
 */
export function createLineSplitter() {
  let pending = '';
  return {
    push(text: string): string[] {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      return lines.filter((line) => line.trim() !== '');
    },
    flush(): string[] {
      const last = pending.trim();
      pending = '';
      return last === '' ? [] : [last];
    },
  };
}

/**
 * POST /api/imports with the file, following the import as it runs (NDJSON progress lines). XMLHttpRequest rather
 * than fetch: it reports upload progress, and hands over the streamed response as it arrives.
 */
export function uploadImport(
  input: ImportUploadInput,
  {
    onProgress,
    signal,
  }: { onProgress?: (progress: ImportUploadProgress) => void; signal?: AbortSignal } = {},
): Promise<ImportResultResponse> {
  // The fields first: the server reads them before the file streams through.
  const form = new FormData();
  form.append('kind', input.kind);
  form.append('dryRun', String(input.dryRun));
  if (input.mapping && Object.keys(input.mapping).length > 0) {
    form.append('mapping', JSON.stringify(input.mapping));
  }
  if (input.sourceProfileId !== undefined) form.append('sourceProfileId', String(input.sourceProfileId));
  form.append('file', input.file, input.file.name);

  return new Promise<ImportResultResponse>((resolve, reject) => {
    const request = new XMLHttpRequest();
    const lines = createLineSplitter();
    const progress: ImportUploadProgress = {
      phase: 'uploading',
      fileBytes: input.file.size,
      bytesSent: 0,
      bytesRead: 0,
      rowsRead: 0,
    };
    let consumed = 0;
    let result: ImportResultResponse | undefined;
    let failure: ApiError | undefined;

    const handle = (event: ImportStreamEvent) => {
      if (event.type === 'progress') {
        Object.assign(progress, { phase: event.phase, bytesRead: event.bytesRead, rowsRead: event.rowsRead });
        onProgress?.({ ...progress });
      } else if (event.type === 'result') {
        result = event.result;
      } else {
        failure = new ApiError(500, event.error.code, event.error.message);
      }
    };
    const readLines = (isDone: boolean) => {
      if (request.status !== 200) return;
      const text = request.responseText;
      const fresh = lines.push(text.slice(consumed));
      consumed = text.length;
      for (const line of isDone ? [...fresh, ...lines.flush()] : fresh) {
        const parsed = importStreamEventSchema.safeParse(safeJson(line));
        if (parsed.success) handle(parsed.data);
      }
    };

    request.upload.addEventListener('progress', (event) => {
      // The multipart body is a little larger than the file: scale what was sent to the file's size.
      progress.bytesSent = event.lengthComputable
        ? Math.round((event.loaded / event.total) * input.file.size)
        : Math.min(event.loaded, input.file.size);
      onProgress?.({ ...progress });
    });
    request.addEventListener('progress', () => readLines(false));
    request.addEventListener('load', async () => {
      if (request.status !== 200) {
        const response = new Response(request.responseText, { status: request.status });
        reject(await toApiError(response));
        return;
      }
      readLines(true);
      if (result) resolve(result);
      else
        reject(
          failure ??
            new ApiError(502, 'incomplete_response', 'The server stopped before reporting the result.'),
        );
    });
    request.addEventListener('error', () =>
      reject(
        new ApiError(
          0,
          'network_error',
          'The upload did not reach the server: check the connection and try again.',
        ),
      ),
    );
    request.addEventListener('abort', () =>
      reject(new DOMException('The upload was cancelled.', 'AbortError')),
    );
    signal?.addEventListener('abort', () => request.abort(), { once: true });

    request.open('POST', '/api/imports');
    request.setRequestHeader('Accept', 'application/x-ndjson');
    request.send(form);
    onProgress?.({ ...progress });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
