'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { SecondaryButton } from '@/components/ui/secondary-button';

interface OneTimeSecretProps {
  /** The heading, e.g. "Your new API token". */
  title: string;
  secret: string;
  /** The box's label, e.g. "Token" or "Password". */
  secretLabel: string;
  /** What to do with it and why it will not be shown again. */
  children: React.ReactNode;
}

/**
 * A secret shown once (an API token, a generated password): a warning, the secret in a box that is easy to
 * select, and a copy button. Takes focus when it appears, so that nobody misses it.
 */
export function OneTimeSecret({ title, secret, secretLabel, children }: OneTimeSecretProps) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  const secretId = useId();
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    ref.current?.focus();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyStatus('copied');
    } catch {
      setCopyStatus('failed');
    }
  }

  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby={headingId}
      className="mb-8 max-w-3xl border-4 border-nhs-warm-yellow bg-nhs-white p-6 focus:outline-4 focus:outline-nhs-yellow"
    >
      <h2 id={headingId} className="mb-3 text-[1.5rem] leading-tight font-bold">
        {title}
      </h2>
      <div className="mb-4 space-y-2">
        <p className="font-bold">
          <span className="sr-only">Warning: </span>
          Copy it now: it will not be shown again.
        </p>
        {children}
      </div>
      <label htmlFor={secretId} className="mb-1 block font-bold">
        {secretLabel}
      </label>
      <input
        id={secretId}
        readOnly
        value={secret}
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
        className="mb-4 block w-full border-2 border-nhs-black bg-nhs-pale-grey px-2 py-2 font-mono text-[1.1875rem]"
      />
      <SecondaryButton onClick={copy}>Copy to clipboard</SecondaryButton>
      <p role="status" className="mt-3 min-h-[1.5em]">
        {copyStatus === 'copied' && 'Copied to the clipboard.'}
        {copyStatus === 'failed' &&
          'Your browser did not allow copying: select the text and copy it yourself.'}
      </p>
    </section>
  );
}
