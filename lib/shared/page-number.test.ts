import { describe, expect, it } from 'vitest';
import { pageNumberOf } from './page-number';

describe('the page number in the URL', () => {
  it('reads a positive whole number, and anything else as the first page', () => {
    expect(pageNumberOf('2')).toBe(2);
    expect(pageNumberOf(['3', '4'])).toBe(3);
    for (const value of [undefined, '', '0', '-1', '1.5', 'two', '99999999'])
      expect(pageNumberOf(value)).toBe(1);
  });
});
