import type { ComponentProps, ReactNode } from 'react';
import { classNames } from '@/components/ui/class-names';
import { ErrorMessage, Hint, Label, Select } from '@/components/ui/form';

interface SelectFieldProps extends Omit<ComponentProps<'select'>, 'id'> {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** A labelled select with its hint and error, both read out with it (aria-describedby). */
export function SelectField({ id, label, hint, error, className, children, ...props }: SelectFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={classNames('mb-6', error && 'border-l-4 border-nhs-red pl-4')}>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <Select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        className={classNames(error && 'border-nhs-red!', className)}
        {...props}
      >
        {children}
      </Select>
    </div>
  );
}
