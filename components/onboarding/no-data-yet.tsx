import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

/** Shown while the database holds no trust at all. */
export function NoDataYet() {
  return (
    <EmptyState title="No data yet">
      <p>Fulfil has no trust data to show.</p>
      <p>
        Load the demo trust with{' '}
        <code className="bg-nhs-pale-grey px-1 font-mono">npm run cli -- demo:setup</code>, or import your
        trust&apos;s extracts (<Link href="/imports">Imports</Link>).
      </p>
    </EmptyState>
  );
}
