import { classNames } from './class-names';

/** A grey placeholder block for content that is loading. Size it with classes; it is hidden from screen readers. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={classNames('bg-nhs-dark-grey/15 motion-safe:animate-pulse', className)}
    />
  );
}
