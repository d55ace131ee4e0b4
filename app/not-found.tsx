import type { Metadata } from 'next';
import { AppShell } from '@/components/shell/app-shell';
import { NotFoundMessage } from '@/components/shell/not-found-message';

export const metadata: Metadata = { title: 'Page not found' };

/** An address that matches no page: the plain shell (no signed-in layout wraps it). */
export default function NotFound() {
  return (
    <AppShell>
      <NotFoundMessage />
    </AppShell>
  );
}
