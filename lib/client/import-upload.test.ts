import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './import-upload';

describe('createLineSplitter', () => {
  it('returns complete lines only, keeping a partial line until its newline arrives', () => {
    const lines = createLineSplitter();
    expect(lines.push('{"a":1}\n{"b"')).toEqual(['{"a":1}']);
    expect(lines.push(':2}\n')).toEqual(['{"b":2}']);
    expect(lines.push('\n\n{"c":3}')).toEqual([]);
    expect(lines.flush()).toEqual(['{"c":3}']);
    expect(lines.flush()).toEqual([]);
  });
});
