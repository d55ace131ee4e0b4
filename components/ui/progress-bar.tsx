import { classNames } from './class-names';

interface ProgressBarProps {
  /** The accessible name, e.g. "Import progress". */
  label: string;
  /** Done so far, 0 to 1; leave it out while the amount of work left is unknown (indeterminate). */
  value?: number;
  /** What the value means in words, read by screen readers instead of the bare percentage. */
  valueText?: string;
  className?: string;
}

/** A horizontal progress bar (role="progressbar" with aria-valuenow when the progress is known). */
export function ProgressBar({ label, value, valueText, className }: ProgressBarProps) {
  const percent = value === undefined ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={valueText}
      className={classNames('h-8 w-full overflow-hidden border-2 border-nhs-black bg-nhs-white', className)}
    >
      {percent === undefined ? (
        <div className="h-full w-1/3 bg-nhs-blue motion-safe:animate-pulse" />
      ) : (
        <div
          className="h-full bg-nhs-blue transition-[width] duration-200"
          style={{ width: `${percent}%` }}
        />
      )}
    </div>
  );
}
