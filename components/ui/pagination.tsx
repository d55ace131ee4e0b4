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
  /**
   * Shows a page without a navigation, for a list that follows the URL on the client (it puts the page's address
   * in the history itself). A click with a modifier key still opens the address.
   */
  onNavigate?: (page: number) => void;
}

/** Previous and next links around "Page n of m", drawn only when there is more than one page. */
export function Pagination({ label, page, pageCount, hrefOf, onNavigate }: PaginationProps) {
  if (pageCount <= 1) return null;
  const linkTo = (target: number) => ({
    href: hrefOf(target),
    ...(onNavigate && {
      // Nothing to prefetch: the router never goes there.
      prefetch: false,
      onNavigate: (event: { preventDefault: () => void }) => {
        event.preventDefault();
        onNavigate(target);
      },
    }),
  });
  return (
    <nav aria-label={label} className="mt-6">
      <ul className="flex flex-wrap items-center gap-6">
        {page > pageCount ? (
          // Past the end (an old link, or a list that shrank; the list says so): the way back to its last page.
          <li>
            <Link {...linkTo(pageCount)}>Last page</Link>
          </li>
        ) : (
          <>
            {page > 1 && (
              <li>
                <Link {...linkTo(page - 1)} rel="prev">
                  Previous<span className="sr-only"> page</span>
                </Link>
              </li>
            )}
            <li>
              Page {formatNumber(page)} of {formatNumber(pageCount)}
            </li>
          </>
        )}
        {page < pageCount && (
          <li>
            <Link {...linkTo(page + 1)} rel="next">
              Next<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
