import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Pagination } from './pagination';

const render = (page: number, pageCount: number) =>
  renderToStaticMarkup(
    createElement(Pagination, {
      label: 'Pages of events',
      page,
      pageCount,
      hrefOf: (target) => `/list?page=${target}`,
    }),
  );

describe('Pagination', () => {
  it('shows where the reader is, with previous and next where they lead somewhere', () => {
    const middle = render(2, 3);
    expect(middle).toContain('Page 2 of 3');
    expect(middle).toContain('href="/list?page=1"');
    expect(middle).toContain('href="/list?page=3"');
    const first = render(1, 3);
    expect(first).not.toContain('rel="prev"');
    expect(render(3, 3)).not.toContain('rel="next"');
  });

  it('leads from a page past the end to the last page, not claiming to be on it', () => {
    const past = render(9, 3);
    expect(past).toContain('<a href="/list?page=3">Last page</a>');
    expect(past).not.toContain('Page 3 of 3');
    expect(past).not.toContain('rel="next"');
  });

  it('draws nothing for a single page', () => {
    expect(render(1, 1)).toBe('');
  });
});
