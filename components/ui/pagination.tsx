import Link from 'next/link';
import { formatNumber } from '@/components/format';

interface PaginationProps {
  /** Names the navigation landmark, e.g. "Pages of open actions". */
  label: string;
  /** The page shown (1-based). */
  page: number;
  pageCount: number;
  /** The address of a page: the URL keeps the page, so it can be shared and the back button works. */
  hrefOf: (page: number) => string;
}

/** Previous and next links around "Page n of m", drawn only when there is more than one page. */
export function Pagination({ label, page, pageCount, hrefOf }: PaginationProps) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-6">
        {page > 1 && (
          <li>
            <Link href={hrefOf(Math.min(page, pageCount + 1) - 1)} rel="prev">
              Previous<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
        <li>
          Page {formatNumber(Math.min(page, pageCount))} of {formatNumber(pageCount)}
        </li>
        {page < pageCount && (
          <li>
            <Link href={hrefOf(page + 1)} rel="next">
              Next<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
