import type { ReactNode } from 'react';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';

interface PlaceholderPageProps {
  title: string;
  /** What the page will do once built. */
  children: ReactNode;
}

/** An honest stand-in for a page that does not exist yet. */
export function PlaceholderPage({ title, children }: PlaceholderPageProps) {
  return (
    <>
      <PageHeader title={title}>{children}</PageHeader>
      <Notice>
        <p>
          <strong>Not built yet.</strong> This page is planned and has no content yet.
        </p>
      </Notice>
    </>
  );
}
