import type { ComponentProps, ReactNode } from 'react';
import { classNames } from './class-names';

/** A group of related inputs with its question as the legend. */
export function Fieldset({
  legend,
  isLegendHidden = false,
  children,
  className,
}: {
  legend: ReactNode;
  isLegendHidden?: boolean;
  children: ReactNode;
  className?: string;
}) {
  return (
    <fieldset className={classNames('mb-6 min-w-0', className)}>
      <legend
        className={classNames('mb-3 text-[1.375rem] leading-tight font-bold', isLegendHidden && 'sr-only')}
      >
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

export function Label({ className, ...props }: ComponentProps<'label'>) {
  // biome-ignore lint/a11y/noLabelWithoutControl: callers pass htmlFor.
  return <label className={classNames('mb-1 block font-bold', className)} {...props} />;
}

/** Help text under a label; link it to its input with aria-describedby. */
export function Hint({ className, ...props }: ComponentProps<'p'>) {
  return <p className={classNames('mb-2 text-nhs-dark-grey', className)} {...props} />;
}

/** An error for one input, announced with it (aria-describedby) and marked for colour-blind readers. */
export function ErrorMessage({ className, children, ...props }: ComponentProps<'p'>) {
  return (
    <p className={classNames('mb-2 font-bold text-nhs-red', className)} {...props}>
      <span className="sr-only">Error: </span>
      {children}
    </p>
  );
}

const FIELD_CLASSES = 'border-2 border-nhs-black bg-nhs-white px-2 py-2 text-[1.1875rem] leading-tight';

export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={classNames(FIELD_CLASSES, 'max-w-full', className)} {...props} />;
}

export function TextInput({ className, type = 'text', ...props }: ComponentProps<'input'>) {
  return <input type={type} className={classNames(FIELD_CLASSES, 'w-full max-w-md', className)} {...props} />;
}

interface RadioProps extends Omit<ComponentProps<'input'>, 'type'> {
  label: ReactNode;
  hint?: ReactNode;
  /** Id of the group's error message, announced with each option. */
  errorId?: string;
}

/** One radio option with its label and optional hint (put several in a Fieldset). */
export function Radio({ id, label, hint, errorId, className, ...props }: RadioProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={classNames('mb-3 flex items-start gap-3', className)}>
      <input
        id={id}
        type="radio"
        aria-describedby={describedBy}
        className="mt-0.5 size-7 shrink-0 cursor-pointer accent-nhs-blue"
        {...props}
      />
      <div>
        <label htmlFor={id} className="cursor-pointer font-bold">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-nhs-dark-grey">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
