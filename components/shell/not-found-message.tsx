import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';

/** What a page that is not there (or not the reader's to see) says, inside whichever shell holds it. */
export function NotFoundMessage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <div className="max-w-3xl space-y-4">
        <p>If you typed the web address, check it is correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          <Link href="/">Go to the overview</Link>
        </p>
      </div>
    </>
  );
}
