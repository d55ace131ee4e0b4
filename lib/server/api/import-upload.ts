import path from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { findSourceProfile } from '@/lib/server/dal/source-profiles';
import { getDatabase } from '@/lib/server/db';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  type ImportProgress,
  type ImportRequest,
  type ImportResult,
  importFile,
} from '@/lib/server/ingest/import-file';
import { IMPORT_FORMATS } from '@/lib/shared/import-formats';
import {
  type ImportPhase,
  type ImportResultResponse,
  type ImportStreamEvent,
  type ImportUploadFields,
  importUploadFieldsSchema,
} from '@/lib/shared/schemas/imports';
import type { Caller } from './caller';
import { AppError, describeError, toIssues } from './errors';
import { ndjsonResponse } from './ndjson';
import { jsonResponse } from './route';

/** Progress lines are sent at most this often while bytes flow (phase changes are sent at once). */
const PROGRESS_INTERVAL_MS = 200;
const MAX_FILE_NAME_LENGTH = 255;

export interface ImportUploadOptions {
  /** Largest file accepted, in bytes (default 200 MB). Larger files are rejected, with a clear error. */
  maxBytes?: number;
}

interface OpenedUpload {
  fields: ImportUploadFields;
  fileName: string;
  /** The file part, streaming straight from the request body: never held in memory. */
  file: Readable;
}

/**
 * POST /api/imports: reads the multipart body as a stream (fields first, then the file), pipes the file part
 * straight into the import pipeline, and answers with the import's result: JSON (200, or 422 when the file is
 * rejected), or, when the client accepts `application/x-ndjson`, progress lines followed by the result.
 */
export async function respondWithImport(
  request: Request,
  caller: Caller,
  options: ImportUploadOptions = {},
): Promise<Response> {
  const upload = await openUpload(request);
  let importRequest: ImportRequest;
  try {
    importRequest = await prepareImport(caller, upload, options);
  } catch (error) {
    discard(upload.file);
    throw error;
  }
  if (!acceptsNdjson(request)) {
    const result = await runImport(upload.file, importRequest, () => {});
    return jsonResponse(toResponseBody(result), { status: result.status === 'rejected' ? 422 : 200 });
  }
  return ndjsonResponse<ImportStreamEvent>(async (send) => {
    try {
      const result = await runImport(upload.file, importRequest, (progress) =>
        send({ type: 'progress', ...progress }),
      );
      send({ type: 'result', result: toResponseBody(result) });
    } catch (error) {
      const { code, message } = describeError(error).body.error;
      send({ type: 'error', error: { code, message } });
    }
  });
}

/** The result as the API publishes it (the schema in lib/shared/schemas/imports.ts). */
function toResponseBody(result: ImportResult): ImportResultResponse {
  return result;
}

function acceptsNdjson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').toLowerCase().includes('application/x-ndjson');
}

/** Reads the multipart body up to the start of the file part, validating the fields that came before it. */
function openUpload(request: Request): Promise<OpenedUpload> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the import as multipart/form-data with the fields kind and file.',
    );
  }
  if (!request.body) throw AppError.badRequest('The request has no body: send the fields kind and file.');
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      limits: { files: 1, fields: 10, parts: 20, fieldNameSize: 100, fieldSize: 128 * 1024 },
    });
  } catch (error) {
    throw AppError.badRequest(`The multipart body cannot be read: ${errorMessage(error)}.`);
  }
  const body = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);

  return new Promise<OpenedUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let isSettled = false;
    const fail = (error: AppError) => {
      if (isSettled) return;
      isSettled = true;
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (isSettled) return;
      if (info.valueTruncated) {
        fail(AppError.badRequest(`The field ${name} is too long.`));
        return;
      }
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (isSettled) {
        stream.resume();
        return;
      }
      if (name !== 'file') {
        stream.resume();
        fail(AppError.badRequest(`Unexpected file field "${name}": send the file in a field named "file".`));
        return;
      }
      const parsed = importUploadFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        stream.resume();
        const hint = fields.kind === undefined ? ' Send the fields (kind first) before the file.' : '';
        fail(AppError.badRequest(`The import request is not valid.${hint}`, toIssues(parsed.error)));
        return;
      }
      const fileName = cleanFileName(info.filename);
      if (!fileName) {
        stream.resume();
        fail(AppError.badRequest('Choose a file to import: the file field has no file name.'));
        return;
      }
      isSettled = true;
      resolve({ fields: parsed.data, fileName, file: stream });
    });
    parser.on('close', () => {
      const parsed = importUploadFieldsSchema.safeParse(fields);
      if (!parsed.success) {
        fail(AppError.badRequest('The import request is not valid.', toIssues(parsed.error)));
        return;
      }
      fail(AppError.badRequest('The request has no file: send it in a field named "file", after kind.'));
    });
    parser.on('error', (error) =>
      fail(AppError.badRequest(`The multipart body cannot be read: ${errorMessage(error)}.`)),
    );
    // A client that goes away mid-upload: the parser ends the file part with an error, which the import reports.
    body.on('error', (error) => parser.destroy(error));
    body.pipe(parser);
  });
}

/** Resolves the saved mapping, if any, and builds the pipeline's request. */
async function prepareImport(
  caller: Caller,
  upload: OpenedUpload,
  options: ImportUploadOptions,
): Promise<ImportRequest> {
  const { kind, dryRun, mapping, sourceProfileId } = upload.fields;
  let savedMapping: Record<string, string> = {};
  if (sourceProfileId !== undefined) {
    const profile = await findSourceProfile(caller.scope, sourceProfileId, kind);
    if (!profile) {
      throw AppError.badRequest(
        `There is no saved mapping ${sourceProfileId} for ${IMPORT_FORMATS[kind].label.toLowerCase()}.`,
      );
    }
    savedMapping = profile.mapping;
  }
  const combined = { ...savedMapping, ...mapping };
  return {
    organisationId: caller.organisationId,
    kind,
    // Replaced by the measured stream in runImport.
    input: upload.file,
    fileName: upload.fileName,
    dryRun: dryRun ?? false,
    mapping: Object.keys(combined).length > 0 ? combined : undefined,
    sourceProfileId,
    actor: { userId: caller.userId, apiTokenId: caller.apiTokenId },
    maxBytes: options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES,
  };
}

type ProgressLine = { phase: ImportPhase; bytesRead: number; rowsRead: number };

/**
 * Runs the import on the file part, reporting progress: bytes as the server reads them, rows as the pipeline
 * counts them, and each phase as it begins. Whatever the outcome, the rest of the upload is drained.
 */
async function runImport(
  file: Readable,
  request: ImportRequest,
  report: (progress: ProgressLine) => void,
): Promise<ImportResult> {
  let current: ProgressLine = { phase: 'reading', bytesRead: 0, rowsRead: 0 };
  let lastSent = 0;
  const send = (next: ProgressLine, force: boolean) => {
    const isNewPhase = next.phase !== current.phase;
    current = next;
    const now = Date.now();
    if (force || isNewPhase || now - lastSent >= PROGRESS_INTERVAL_MS) {
      lastSent = now;
      report(current);
    }
  };
  const counter = new ByteCounter((bytes) => send({ ...current, bytesRead: bytes }, false));
  file.on('error', (error) => counter.destroy(error));
  file.pipe(counter);
  send(current, true);
  try {
    return await importFile(await getDatabase(), {
      ...request,
      input: counter,
      onProgress: (progress: ImportProgress) =>
        send({ phase: progress.phase, bytesRead: counter.bytes, rowsRead: progress.rowsRead }, false),
    });
  } finally {
    discard(file);
  }
}

/** Pieces the file is passed on in: small enough for back-pressure to hold the upload while the database works. */
const PIECE_BYTES = 64 * 1024;

/**
 * Counts the bytes of the file as the pipeline pulls them, passing them on in pieces of at most 64 KB (a client's
 * body can arrive in much larger chunks).
 */
class ByteCounter extends Transform {
  bytes = 0;

  constructor(private readonly onBytes: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    for (let offset = 0; offset < chunk.length; offset += PIECE_BYTES) {
      const piece = chunk.subarray(offset, offset + PIECE_BYTES);
      this.bytes += piece.length;
      this.push(piece);
    }
    this.onBytes(this.bytes);
    callback();
  }
}

/** Reads and drops what is left of a file part (a rejected or refused upload), so the request can finish. */
function discard(file: Readable): void {
  file.unpipe();
  file.resume();
}

/** The file's base name as the client gave it (no folders), or null when there is none. */
function cleanFileName(name: string | undefined): string | null {
  const base = path.basename((name ?? '').replaceAll('\\', '/')).trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, '');
  return printable === '' ? null : printable.slice(0, MAX_FILE_NAME_LENGTH);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
