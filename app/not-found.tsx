import type { Metadata } from 'next';
import Link from 'next/link';
import { AppShell } from '@/components/shell/app-shell';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <AppShell>
      <PageHeader title="Page not found" />
      <div className="max-w-3xl space-y-4">
        <p>If you typed the web address, check it is correct.</p>
        <p>If you pasted the web address, check you copied the entire address.</p>
        <p>
          <Link href="/">Go to the overview</Link>
        </p>
      </div>
    </AppShell>
  );
}
