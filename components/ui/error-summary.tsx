'use client';

import { useEffect, useId, useRef } from 'react';

export interface Problem {
  message: string;
  /** Id of the input at fault: the summary links to it and moves focus there. */
  fieldId?: string;
}

interface ErrorSummaryProps {
  problems: readonly Problem[];
  /** Changes with every submission, so that a repeated problem takes focus again. */
  attempt?: number;
}

/**
 * The NHS error summary: at the top of a form, it takes focus when problems appear (so that screen reader users
 * hear them at once) and links each problem to its field.
 */
export function ErrorSummary({ problems, attempt = 0 }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` marks a new round of problems.
  useEffect(() => {
    if (problems.length > 0) ref.current?.focus();
  }, [problems, attempt]);
  if (problems.length === 0) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-8 max-w-3xl border-4 border-nhs-red bg-nhs-white p-6 focus:outline-4 focus:outline-nhs-yellow"
    >
      <h2 id={titleId} className="mb-4 text-[1.5rem] leading-tight font-bold">
        There is a problem
      </h2>
      <ul className="space-y-2">
        {problems.map(({ message, fieldId }) => (
          <li key={`${fieldId ?? ''}${message}`} className="font-bold text-nhs-red">
            {fieldId ? (
              <a
                href={`#${fieldId}`}
                className="text-nhs-red"
                onClick={(event) => {
                  // Move focus into the field, not just the scroll position.
                  event.preventDefault();
                  document.getElementById(fieldId)?.focus();
                }}
              >
                {message}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
