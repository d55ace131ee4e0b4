'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useId } from 'react';
import { formatDate } from '@/components/format';
import { DEFAULT_SHORT_GROUP_THRESHOLD, type SpcResult } from '@/lib/shared/stats';

/** The URL parameter that keeps the week an SPC chart's limits are recalculated from, so the view can be shared. */
export const LIMITS_FROM_PARAM = 'limitsFrom';

/**
 * The weeks an SPC chart's limits can be recalculated from: those that leave at least two weeks on each side, the
 * fewest that give a moving range, and so limits.
 */
export function limitsFromChoices(weekStarts: readonly string[]): readonly string[] {
  return weekStarts.slice(2, -1);
}

/**
 * The week the URL asks the SPC limits to be recalculated from, if it is one of the chart's choices (a week the
 * chart no longer shows, after a change of period, asks for nothing).
 */
export function useLimitsFrom(weekStarts: readonly string[]): string | null {
  const wanted = useSearchParams().get(LIMITS_FROM_PARAM);
  return wanted !== null && limitsFromChoices(weekStarts).includes(wanted) ? wanted : null;
}

/**
 * Chooses the week from which an SPC chart gets a new mean and limits ("rebasing", in Making Data Count's words):
 * after a known change in the process, the weeks since it are judged against their own limits. Kept in the URL.
 */
export function LimitsFromSelect({
  weekStarts,
  value,
  weekNotes = {},
}: {
  weekStarts: readonly string[];
  value: string | null;
  /** What happened in a week (its Monday → words), added to its option, e.g. a new job plan. */
  weekNotes?: Readonly<Record<string, string>>;
}) {
  const id = useId();
  const pathname = usePathname();
  const choices = limitsFromChoices(weekStarts);
  function choose(week: string) {
    const params = new URLSearchParams(window.location.search);
    if (week) params.set(LIMITS_FROM_PARAM, week);
    else params.delete(LIMITS_FROM_PARAM);
    const query = params.toString();
    // Replace, not push: arrow keys on a closed select change it week by week, and Back should not replay them.
    window.history.replaceState(null, '', query ? `${pathname}?${query}` : pathname);
  }
  if (choices.length === 0) return null;
  return (
    <div className="mb-6 print:hidden">
      <label htmlFor={id} className="mb-1 block font-bold">
        Recalculate the limits from
      </label>
      <p id={`${id}-hint`} className="mb-2 max-w-3xl text-nhs-dark-grey">
        After a known change, such as a new clinic template or way of working, the weeks since it get their
        own mean and limits, so that the charts judge them against the new process.
      </p>
      <select
        id={id}
        aria-describedby={`${id}-hint`}
        value={value ?? ''}
        onChange={(event) => choose(event.target.value)}
        className="border-2 border-nhs-black bg-nhs-white p-2"
      >
        <option value="">No change: one mean and limits for every week</option>
        {choices.map((week) => (
          <option key={week} value={week}>
            The week of {formatDate(week)}
            {weekNotes[week] ? `: ${weekNotes[week]}` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

/** What a chart's caption says about recalculated limits ('' when there are none). */
export function describeLimitsFrom(result: SpcResult, limitsFrom: string | null): string {
  if (limitsFrom === null) return '';
  const since = `Limits recalculated from the week of ${formatDate(limitsFrom)}`;
  return result.groups.some((group) => group.shortGroupWarning)
    ? ` ${since}; with fewer than ${DEFAULT_SHORT_GROUP_THRESHOLD} weeks on one side of it, those limits are provisional.`
    : ` ${since}.`;
}
