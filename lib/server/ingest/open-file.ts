import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';

export class FileOpenError extends Error {}

/** Opens a local file for import, with a readable error when it is missing or not a file. */
export async function openFileForImport(file: string): Promise<Readable> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new FileOpenError(`Cannot import ${file}: no such file.`);
  if (!info.isFile()) throw new FileOpenError(`Cannot import ${file}: it is not a file.`);
  return createReadStream(file);
}
