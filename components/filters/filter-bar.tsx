'use client';

import { useIsFetching } from '@tanstack/react-query';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { metricsKeys } from '@/lib/client/query-keys';
import {
  ACTIVITY_LABELS,
  ACTIVITY_OPTIONS,
  type ActivityOption,
  baselineChoices,
  type DatePeriod,
  describePeriod,
  PERIOD_PRESET_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
  yearsEarlier,
} from '@/lib/shared/periods';
import { dashboardSearchParams, defaultDivisionOf } from './dashboard-filter';
import { useDashboardFilter, useDivisionOptions, useFirstCoveredDate } from './dashboard-filter-context';
import { LIMITS_FROM_PARAM } from './limits-from-select';

const fieldClass = 'block border-2 border-nhs-black bg-nhs-white px-2 py-1 text-[1.1875rem]';

/** "A year earlier (01/09/2025 to 30/11/2025)": a baseline as the filter offers it. */
function describeBaseline(period: DatePeriod, years: number): string {
  const when = years === 1 ? 'A year earlier' : `${years} years earlier`;
  return `${when} (${describePeriod(yearsEarlier(period, years))})`;
}

/**
 * Period, activity and (where the page has them) division and baseline filters. The URL holds them, so a view can
 * be shared; changing one pushes a new URL with the History API and the widgets refetch their numbers from the
 * metrics API (react-query), without reloading the page.
 */
export function FilterBar({
  hasDivisionFilter = false,
  hasBaselineFilter = false,
}: {
  hasDivisionFilter?: boolean;
  /** The overview compares patients a week with the same period a year (or more) earlier. */
  hasBaselineFilter?: boolean;
}) {
  const pathname = usePathname();
  const id = useId();
  const filter = useDashboardFilter();
  const divisions = useDivisionOptions();
  const firstCoveredDate = useFirstCoveredDate();
  const isFetching = useIsFetching({ queryKey: metricsKeys.all }) > 0;
  const [customPeriod, setCustomPeriod] = useState(filter.period);
  const [selectedPreset, setSelectedPreset] = useState(filter.preset);

  // Back and forward change the URL under the form: follow it.
  useEffect(() => {
    setSelectedPreset(filter.preset);
    setCustomPeriod(filter.period);
  }, [filter.preset, filter.period]);

  function apply(next: {
    preset: PeriodPreset;
    period?: DatePeriod;
    activity?: ActivityOption;
    divisionId?: number | null;
    baselineYears?: number;
  }) {
    const params = dashboardSearchParams({
      preset: next.preset,
      period: next.period,
      activity: next.activity ?? filter.activity,
      divisionId: next.divisionId === undefined ? filter.divisionId : next.divisionId,
      defaultDivisionId: defaultDivisionOf(divisions),
      baselineYears: next.baselineYears ?? filter.baselineYears,
    });
    // A recalculation of the SPC limits outlives a change of filter (ignored where its week is no longer shown).
    const limitsFrom = new URLSearchParams(window.location.search).get(LIMITS_FROM_PARAM);
    if (limitsFrom) params.set(LIMITS_FROM_PARAM, limitsFrom);
    const query = params.toString();
    window.history.pushState(null, '', query ? `${pathname}?${query}` : pathname);
  }

  const currentPeriod = selectedPreset === 'custom' ? customPeriod : filter.period;
  // The baselines the extracts reach, and the one in the URL even if they do not (its figures then say so).
  const baselines = [
    ...new Set([...baselineChoices(filter.period, firstCoveredDate), filter.baselineYears]),
  ].sort((a, b) => a - b);

  return (
    <form
      aria-label="Filters"
      className="filter-bar mb-8 flex flex-wrap items-end gap-4 bg-nhs-white p-4 print:hidden"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ preset: 'custom', period: customPeriod });
      }}
    >
      <div>
        <label htmlFor={`${id}-period`} className="mb-1 block font-bold">
          Period
        </label>
        <select
          id={`${id}-period`}
          className={fieldClass}
          value={selectedPreset}
          onChange={(event) => {
            const next = event.target.value as PeriodPreset;
            setSelectedPreset(next);
            if (next !== 'custom') apply({ preset: next });
          }}
        >
          {PERIOD_PRESETS.map((option) => (
            <option key={option} value={option}>
              {PERIOD_PRESET_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      {selectedPreset === 'custom' && (
        <>
          <div>
            <label htmlFor={`${id}-from`} className="mb-1 block font-bold">
              From
            </label>
            <input
              id={`${id}-from`}
              type="date"
              className={fieldClass}
              value={customPeriod.from}
              max={customPeriod.to}
              onChange={(event) => setCustomPeriod({ ...customPeriod, from: event.target.value })}
            />
          </div>
          <div>
            <label htmlFor={`${id}-to`} className="mb-1 block font-bold">
              To
            </label>
            <input
              id={`${id}-to`}
              type="date"
              className={fieldClass}
              value={customPeriod.to}
              min={customPeriod.from}
              onChange={(event) => setCustomPeriod({ ...customPeriod, to: event.target.value })}
            />
          </div>
          <button type="submit" className="bg-nhs-green px-4 py-2 font-bold text-nhs-white">
            Apply dates
          </button>
        </>
      )}
      <div>
        <label htmlFor={`${id}-activity`} className="mb-1 block font-bold">
          Activity
        </label>
        <select
          id={`${id}-activity`}
          className={fieldClass}
          value={filter.activity}
          onChange={(event) =>
            apply({
              preset: selectedPreset,
              period: currentPeriod,
              activity: event.target.value as ActivityOption,
            })
          }
        >
          {ACTIVITY_OPTIONS.map((option) => (
            <option key={option} value={option}>
              {ACTIVITY_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      {hasDivisionFilter && divisions.length > 0 && (
        <div>
          <label htmlFor={`${id}-division`} className="mb-1 block font-bold">
            Division
          </label>
          <select
            id={`${id}-division`}
            className={fieldClass}
            value={filter.divisionId === null ? '' : String(filter.divisionId)}
            onChange={(event) =>
              apply({
                preset: selectedPreset,
                period: currentPeriod,
                divisionId: event.target.value === '' ? null : Number(event.target.value),
              })
            }
          >
            <option value="">Whole trust</option>
            {divisions.map((division) => (
              <option key={division.id} value={division.id}>
                {division.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {hasBaselineFilter && (
        <div>
          <label htmlFor={`${id}-baseline`} className="mb-1 block font-bold">
            Baseline for patients a week
          </label>
          <select
            id={`${id}-baseline`}
            className={fieldClass}
            value={filter.baselineYears}
            onChange={(event) =>
              apply({
                preset: selectedPreset,
                period: currentPeriod,
                baselineYears: Number(event.target.value),
              })
            }
          >
            {baselines.map((years) => (
              <option key={years} value={years}>
                {describeBaseline(filter.period, years)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p aria-live="polite" className="text-base text-nhs-dark-grey" data-testid="filter-status">
        {isFetching ? 'Updating the figures…' : ''}
      </p>
    </form>
  );
}
