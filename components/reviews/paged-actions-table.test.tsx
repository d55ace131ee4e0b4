import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ActionView } from '@/lib/server/reviews/action-view';
import { PagedActionsTable } from './paged-actions-table';

const action = (id: number): ActionView => ({
  id,
  title: `Action ${id}`,
  status: 'open',
  dueOn: '2026-03-01',
  isOverdue: true,
  isEscalated: false,
  owner: { userId: 9, name: 'Dr Ada Able' },
  divisionId: 1,
  specialtyId: 2,
  consultant: null,
  metricId: null,
  meetingId: null,
  createdAt: '2026-02-01T09:00:00.000Z',
  closedAt: null,
});

const render = (page: number, count: number, total: number) =>
  renderToStaticMarkup(
    createElement(PagedActionsTable, {
      caption: 'Open actions others own in your units',
      found: {
        actions: Array.from({ length: count }, (_, index) => action((page - 1) * 50 + index + 1)),
        page,
        pageSize: 50,
        total,
      },
      hrefOf: (n: number) => `/actions?page=${n}`,
      emptyText: 'None.',
    }),
  );

describe('a page of actions', () => {
  it('says which rows it shows of how many, and links to the previous and next pages', () => {
    const html = render(2, 50, 1234);
    expect(html).toContain('Showing 51–100 of 1,234, overdue first, then by due date.');
    expect(html).toContain('<nav aria-label="Pages of open actions others own in your units"');
    expect(html).toContain('rel="prev" href="/actions?page=1">Previous<span class="sr-only"> page</span>');
    expect(html).toContain('Page 2 of 25');
    expect(html).toContain('rel="next" href="/actions?page=3">Next<span class="sr-only"> page</span>');
    expect(html).toContain('Action 51');
  });

  it('offers no previous link on the first page, no next on the last, and no pages when one is enough', () => {
    expect(render(1, 50, 60)).not.toContain('rel="prev"');
    expect(render(2, 10, 60)).not.toContain('rel="next"');
    expect(render(2, 10, 60)).toContain('Showing 51–60 of 60');
    expect(render(1, 3, 3)).not.toContain('<nav');
    expect(render(1, 0, 0)).toBe('<p>None.</p>');
  });

  it('says when the page asked for is past the last one, with the way back', () => {
    const html = render(9, 0, 60);
    expect(html).toContain('There is no page 9: 60 actions fit on 2 pages.');
    expect(html).toContain('<a href="/actions?page=1">Go to the first page</a>');
    expect(html).toContain('<a href="/actions?page=2">Last page</a>');
    expect(html).not.toContain('Page 2 of 2');
  });
});
