import Link from 'next/link';
import { formatNumber } from '@/components/format';
import { Pagination } from '@/components/ui/pagination';
import type { ActionPage } from '@/lib/server/reviews/read-actions';
import { ActionsTable } from './actions-table';

interface PagedActionsTableProps {
  /** Names the table (and, with "Pages of", its page links). */
  caption: string;
  found: ActionPage;
  /** The address of a page (the URL keeps the page). */
  hrefOf: (page: number) => string;
  /** What to say when there are none at all. */
  emptyText: string;
}

/** One page of a long list of actions: which rows these are of how many, the table, and links to the other pages. */
export function PagedActionsTable({ caption, found, hrefOf, emptyText }: PagedActionsTableProps) {
  const { actions, page, pageSize, total } = found;
  if (total === 0) return <p>{emptyText}</p>;
  const pageCount = Math.ceil(total / pageSize);
  const first = (page - 1) * pageSize + 1;
  const last = first + actions.length - 1;
  return (
    <>
      {actions.length === 0 ? (
        <p>
          There is no page {formatNumber(page)}: {formatNumber(total)}{' '}
          {total === 1 ? 'action fits' : 'actions fit'} on {formatNumber(pageCount)}{' '}
          {pageCount === 1 ? 'page' : 'pages'}. <Link href={hrefOf(1)}>Go to the first page</Link>
        </p>
      ) : (
        <>
          <p className="mb-4">
            Showing {formatNumber(first)}–{formatNumber(last)} of {formatNumber(total)}, overdue first, then
            by due date.
          </p>
          <ActionsTable caption={caption} actions={actions} />
        </>
      )}
      <Pagination
        label={`Pages of ${caption.toLowerCase()}`}
        page={page}
        pageCount={pageCount}
        hrefOf={hrefOf}
      />
    </>
  );
}
