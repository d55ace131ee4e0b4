import type { ReactNode } from 'react';

interface ScrollRegionProps {
  /** Names the region for screen readers, e.g. the table's subject. */
  label: string;
  children: ReactNode;
}

/**
 * A horizontally scrollable box for wide tables. It is focusable (and named) so that keyboard users can scroll it
 * with the arrow keys, and a table's row headers stay in view while it scrolls sideways, so that every figure
 * keeps the name of its row on a laptop screen.
 */
export function ScrollRegion({ label, children }: ScrollRegionProps) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
      className="max-w-full overflow-x-auto [&_th[scope=row]]:sticky [&_th[scope=row]]:left-0 [&_th[scope=row]]:bg-nhs-white"
    >
      {children}
    </section>
  );
}
