import type { Metadata } from 'next';
import { PlaceholderPage } from '@/components/shell/placeholder-page';

export const metadata: Metadata = { title: 'Imports' };

export default function ImportsPage() {
  return (
    <PlaceholderPage title="Imports">
      <p>
        Upload your trust&apos;s extracts (consultants, job plans, clinic sessions, theatre and endoscopy
        lists, and leave), map their column names once with a saved mapping, and see each import&apos;s row
        counts and the rows that failed, with the reason.
      </p>
    </PlaceholderPage>
  );
}
