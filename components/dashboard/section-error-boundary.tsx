'use client';

import { useRouter } from 'next/navigation';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { SecondaryButton } from '@/components/ui/secondary-button';

function RetryButton({ onRetry }: { onRetry: () => void }) {
  const router = useRouter();
  return (
    <SecondaryButton
      onClick={() => {
        onRetry();
        router.refresh();
      }}
    >
      Try again
    </SecondaryButton>
  );
}

interface Props {
  /** What the section shows, e.g. "the job plan". */
  label: string;
  children: ReactNode;
}

/**
 * Keeps a failed section from taking the whole page down: the rest of the page stays, and this section says it
 * could not be loaded, with a way to try again (a fresh server render of the page).
 */
export class SectionErrorBoundary extends Component<Props, { hasError: boolean; digest?: string }> {
  state: { hasError: boolean; digest?: string } = { hasError: false };

  static getDerivedStateFromError(error: unknown) {
    const digest =
      error instanceof Error && 'digest' in error && typeof error.digest === 'string'
        ? error.digest
        : undefined;
    return { hasError: true, digest };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <div role="alert" className="mb-8 max-w-3xl border-l-8 border-nhs-red bg-nhs-white py-4 pr-4 pl-6">
        <p className="mb-3 font-bold">Sorry, {this.props.label} could not be loaded.</p>
        <p className="mb-3">
          The rest of the page is unaffected. The problem may be temporary; if it keeps happening, contact
          your information team
          {this.state.digest ? (
            <>
              {' '}
              and quote the reference <code className="font-mono">{this.state.digest}</code>.
            </>
          ) : (
            '.'
          )}
        </p>
        <RetryButton onRetry={() => this.setState({ hasError: false, digest: undefined })} />
      </div>
    );
  }
}
