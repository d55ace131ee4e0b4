import type { ReactNode } from 'react';

export interface SummaryItem {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

/** Key facts as a description list: label on the left, value on the right (stacked on narrow screens). */
export function SummaryList({ items }: { items: readonly SummaryItem[] }) {
  return (
    <dl className="mb-6 max-w-3xl">
      {items.map((item) => (
        <div key={item.key} className="border-b border-nhs-mid-grey py-3 sm:flex sm:gap-6">
          <dt className="font-bold sm:w-1/3">{item.label}</dt>
          <dd className="sm:flex-1">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
