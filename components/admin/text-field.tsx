import type { ComponentProps, ReactNode } from 'react';
import { classNames } from '@/components/ui/class-names';
import { ErrorMessage, Hint, Label, TextInput } from '@/components/ui/form';

interface TextFieldProps extends Omit<ComponentProps<'input'>, 'id'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Shown after the input, e.g. a unit ("days"). */
  suffix?: ReactNode;
}

/** A labelled input with its hint and error, both read out with it (aria-describedby). */
export function TextField({ id, label, hint, error, suffix, className, ...props }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classNames('mb-6', error && 'border-l-4 border-nhs-red pl-4')}>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <div className="flex items-center gap-3">
        <TextInput
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
          className={classNames(error && 'border-nhs-red!', className)}
          {...props}
        />
        {suffix && <span aria-hidden="true">{suffix}</span>}
      </div>
    </div>
  );
}
