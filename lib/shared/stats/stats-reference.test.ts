import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR, SHARED_REFERENCE_DIR } from './reference-fixtures';

describe('the vendored reference results', () => {
  it('hold every reference file', () => {
    const files = readdirSync(REFERENCE_DIR).filter((name) => name.endsWith('.json'));
    expect(files.filter((name) => name.startsWith('spc_'))).toHaveLength(7);
    expect(files.filter((name) => name.startsWith('funnel_'))).toHaveLength(6);
  });

  // Where the product's shared folder sits beside the repository, the copy must not have drifted from it.
  it.runIf(existsSync(SHARED_REFERENCE_DIR))('are identical to ../shared/reference/stats', () => {
    for (const name of readdirSync(SHARED_REFERENCE_DIR)) {
      const shared = readFileSync(path.join(SHARED_REFERENCE_DIR, name));
      const vendored = readFileSync(path.join(REFERENCE_DIR, name));
      expect(vendored.equals(shared), name).toBe(true);
    }
  });
});
