import type { Metadata } from 'next';
import { PlaceholderPage } from '@/components/shell/placeholder-page';

export const metadata: Metadata = { title: 'Admin' };

export default function AdminPage() {
  return (
    <PlaceholderPage title="Admin">
      <p>
        For the information team: manage users and the divisions and specialties each may see, set the
        trust&apos;s parameters and targets, fix data quality problems, and read the audit log.
      </p>
    </PlaceholderPage>
  );
}
