import type { Metadata } from 'next';
import { PlaceholderPage } from '@/components/shell/placeholder-page';

export const metadata: Metadata = { title: 'Consultants' };

export default function ConsultantsPage() {
  return (
    <PlaceholderPage title="Consultants">
      <p>
        For each consultant: the sessions in their job plan against the sessions delivered, cases per session
        and leave, session by session. Consultants will see their own data first and can annotate or challenge
        a session; peers are shown anonymised.
      </p>
    </PlaceholderPage>
  );
}
