'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import {
  ACTIVITY_LABELS,
  ACTIVITY_OPTIONS,
  type ActivityOption,
  type DatePeriod,
  filterSearchParams,
  PERIOD_PRESET_LABELS,
  PERIOD_PRESETS,
  type PeriodPreset,
} from '@/lib/shared/periods';

interface FilterBarProps {
  preset: PeriodPreset;
  period: DatePeriod;
  activity: ActivityOption;
}

const fieldClass = 'block border-2 border-nhs-black bg-nhs-white px-2 py-1 text-[1.1875rem]';

/**
 * Period and activity filters. The URL holds them (router.replace), so that the server renders the view and a
 * link to it can be shared.
 */
export function FilterBar({ preset, period, activity }: FilterBarProps) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [customPeriod, setCustomPeriod] = useState(period);
  const [selectedPreset, setSelectedPreset] = useState(preset);

  function apply(next: { preset: PeriodPreset; period?: DatePeriod; activity: ActivityOption }) {
    const query = filterSearchParams(next).toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  return (
    <form
      aria-label="Filters"
      className="filter-bar mb-8 flex flex-wrap items-end gap-4 bg-nhs-white p-4 print:hidden"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ preset: 'custom', period: customPeriod, activity });
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
            if (next !== 'custom') apply({ preset: next, activity });
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
          value={activity}
          onChange={(event) =>
            apply({
              preset: selectedPreset,
              period: selectedPreset === 'custom' ? customPeriod : period,
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
      <p aria-live="polite" className="text-base text-nhs-dark-grey">
        {isPending ? 'Updating…' : ''}
      </p>
    </form>
  );
}
