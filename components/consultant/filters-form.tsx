import type { ActivityFilter, Period } from '@/lib/server/metrics/period';

interface FiltersFormProps {
  action: string;
  period: Period;
  activity: ActivityFilter;
  /** The default period, offered as a reset. */
  defaultPeriod: Period;
}

/** Period and activity filters as a plain GET form: the filters live in the URL, so a view can be shared. */
export function FiltersForm({ action, period, activity, defaultPeriod }: FiltersFormProps) {
  return (
    <form method="get" action={action} className="mb-8 flex flex-wrap items-end gap-4 bg-nhs-white p-4">
      <div>
        <label htmlFor="filter-from" className="block font-bold">
          From
        </label>
        <input
          id="filter-from"
          name="from"
          type="date"
          defaultValue={period.from}
          className="border-2 border-nhs-black p-2"
        />
      </div>
      <div>
        <label htmlFor="filter-to" className="block font-bold">
          To
        </label>
        <input
          id="filter-to"
          name="to"
          type="date"
          defaultValue={period.to}
          className="border-2 border-nhs-black p-2"
        />
      </div>
      <div>
        <label htmlFor="filter-activity" className="block font-bold">
          Activity
        </label>
        <select
          id="filter-activity"
          name="activity"
          defaultValue={activity}
          className="border-2 border-nhs-black bg-nhs-white p-2"
        >
          <option value="all">All clinics and lists</option>
          <option value="clinic">Clinics</option>
          <option value="list">Theatre and endoscopy lists</option>
        </select>
      </div>
      <button
        type="submit"
        className="bg-nhs-green px-4 py-2 font-bold text-nhs-white shadow-[0_4px_0_#00401e] focus:bg-nhs-yellow focus:text-nhs-black"
      >
        Apply
      </button>
      <a href={`${action}?from=${defaultPeriod.from}&to=${defaultPeriod.to}`} className="py-2">
        Last 12 months
      </a>
    </form>
  );
}
