import type { RowProblem } from '../row-validator';

type Value = (column: string) => string;

/** A cancelled session or list must say why. */
export function checkCancelReason(value: Value, noun: string): RowProblem[] {
  if (value('status') !== 'cancelled' || value('cancel_reason') !== '') return [];
  return [{ column: 'cancel_reason', value: '', message: `a cancelled ${noun} needs a cancel_reason` }];
}

/** When both are given, the end column (a time or ISO date) must come after the start column. */
export function checkEndAfterStart(value: Value, startColumn: string, endColumn: string): RowProblem[] {
  const [start, end] = [value(startColumn), value(endColumn)];
  if (!start || !end || end > start) return [];
  return [
    { column: endColumn, value: end, message: `${endColumn} ${end} is not after ${startColumn} ${start}` },
  ];
}
