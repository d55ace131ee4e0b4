import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

export type CsvRecord = Record<string, string>;

/** Streams a CSV file with a header row as batches of records keyed by column name. */
export async function* readCsvBatches(file: string, batchSize = 5000): AsyncGenerator<CsvRecord[]> {
  const parser = createReadStream(file).pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  let batch: CsvRecord[] = [];
  for await (const record of parser as AsyncIterable<CsvRecord>) {
    batch.push(record);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
