import { classNames } from './class-names';

export type StatusTone = 'positive' | 'warning' | 'negative' | 'pending';

const TONE_CLASSES: Record<StatusTone, string> = {
  positive: 'bg-nhs-green',
  warning: 'bg-nhs-warm-yellow',
  negative: 'bg-nhs-red',
  pending: 'bg-nhs-mid-grey motion-safe:animate-pulse',
};

/** A coloured dot beside a status text. Decorative: the text must say the status too. */
export function StatusDot({ tone }: { tone: StatusTone }) {
  return (
    <span
      aria-hidden="true"
      className={classNames(
        'inline-block size-[0.875rem] shrink-0 rounded-full border-2 border-nhs-black',
        TONE_CLASSES[tone],
      )}
    />
  );
}
