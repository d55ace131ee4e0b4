/**
 * Test support (not exported from the library): loads the shared reference results for the variation
 * statistics, and compares numbers with a relative tolerance.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * The reference results, vendored in the repository (tests/fixtures/stats-reference) so that the tests run on any
 * checkout; stats-reference.test.ts checks the copy is identical to ../shared/reference/stats where that exists.
 */
export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../tests/fixtures/stats-reference');

/** The product's shared reference folder, when the repository is checked out beside `shared`. */
export const SHARED_REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../../shared/reference/stats');

export function loadReference<T = unknown>(fileName: string): T {
  return JSON.parse(readFileSync(path.join(REFERENCE_DIR, fileName), 'utf8')) as T;
}

export const RELATIVE_TOLERANCE = 1e-9;
export const ABSOLUTE_TOLERANCE = 1e-12;

/** Whether two numbers agree to the relative tolerance (absolute near zero). */
export function close(actual: number, expected: number, relative = RELATIVE_TOLERANCE): boolean {
  if (actual === expected) return true;
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  return Math.abs(actual - expected) <= Math.max(ABSOLUTE_TOLERANCE, relative * scale);
}

/** Asserts a number (or null) against a reference value, with a message naming what was compared. */
export function expectClose(
  actual: number | null | undefined,
  expected: number | null | undefined,
  label: string,
  relative = RELATIVE_TOLERANCE,
): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null, label).toBeNull();
    return;
  }
  expect(typeof actual, `${label}: expected a number, got ${actual}`).toBe('number');
  const ok = close(actual as number, expected, relative);
  expect(ok, `${label}: got ${actual}, expected ${expected}`).toBe(true);
}
