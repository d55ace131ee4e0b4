import type { ComponentProps, ReactNode } from 'react';
import { classNames } from './class-names';
import { ErrorMessage, Hint, Label, Select, TextInput } from './form';

/** The ids a field's hint and error message take, from the control's id. */
const hintIdOf = (id: string) => `${id}-hint`;
const errorIdOf = (id: string) => `${id}-error`;

/**
 * What a control inside a Field spreads on itself: marked invalid with an error, and described by its hint and
 * error message (read out with it).
 */
export function describedBy(
  id: string,
  { hint, error }: { hint?: ReactNode; error?: string },
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const ids = [hint ? hintIdOf(id) : '', error ? errorIdOf(id) : ''].filter(Boolean).join(' ');
  return { ...(error ? { 'aria-invalid': true } : {}), ...(ids ? { 'aria-describedby': ids } : {}) };
}

interface FieldProps {
  /** The control's id: the label points at it, the error summary links to it. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The problem with this field, shown above the control with a red bar beside the field (GOV.UK, NHS). */
  error?: string;
  className?: string;
  /** The control, with `describedBy(id, { hint, error })` spread on it. */
  children: ReactNode;
}

/** One question of a form: its label, hint and error message around the control. */
export function Field({ id, label, hint, error, className, children }: FieldProps) {
  return (
    <div className={classNames(className, error && 'border-l-4 border-nhs-red pl-4')}>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Hint id={hintIdOf(id)}>{hint}</Hint>}
      {error && <ErrorMessage id={errorIdOf(id)}>{error}</ErrorMessage>}
      {children}
    </div>
  );
}

type FieldControlProps<Control extends 'input' | 'select'> = Omit<ComponentProps<Control>, 'id'> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Classes of the field around the control (spacing, width). */
  fieldClassName?: string;
};

/** A control's classes: a red border when it is at fault, as the field's bar and message say. */
const controlClassOf = (error: string | undefined, className: string | undefined) =>
  classNames(error && 'border-nhs-red!', className);

/** A labelled text input with its hint and error (a Field around a TextInput), and a unit after it if any. */
export function InputField({
  id,
  label,
  hint,
  error,
  fieldClassName,
  suffix,
  className,
  ...props
}: FieldControlProps<'input'> & {
  /** Shown after the input, e.g. a unit ("days"); the label says it too, for screen readers. */
  suffix?: ReactNode;
}) {
  const input = (
    <TextInput
      id={id}
      {...describedBy(id, { hint, error })}
      className={controlClassOf(error, className)}
      {...props}
    />
  );
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      {suffix ? (
        <div className="flex items-center gap-3">
          {input}
          <span aria-hidden="true">{suffix}</span>
        </div>
      ) : (
        input
      )}
    </Field>
  );
}

/** A labelled select with its hint and error (a Field around a Select). */
export function SelectField({
  id,
  label,
  hint,
  error,
  fieldClassName,
  className,
  ...props
}: FieldControlProps<'select'>) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <Select
        id={id}
        {...describedBy(id, { hint, error })}
        className={controlClassOf(error, className)}
        {...props}
      />
    </Field>
  );
}
