import type { Metadata } from 'next';
import { PlaceholderPage } from '@/components/shell/placeholder-page';

export const metadata: Metadata = { title: 'Definitions' };

export default function DefinitionsPage() {
  return (
    <PlaceholderPage title="Definitions">
      <p>
        Every metric&apos;s definition and formula, with the parameters in force for this trust (such as
        expected weeks per year and the leave-notice threshold) and the source of each target, so that
        everyone reads the numbers the same way.
      </p>
    </PlaceholderPage>
  );
}
