import type { ComponentProps } from 'react';
import { classNames } from './class-names';

/** The NHS secondary button: white with a blue outline, for the less usual of two actions. */
export function SecondaryButton({ className, type = 'button', ...props }: ComponentProps<'button'>) {
  return (
    <button
      type={type}
      className={classNames(
        'cursor-pointer rounded-[4px] border-2 border-nhs-blue bg-nhs-white px-4 py-[10px] text-[1.1875rem] leading-none font-bold text-nhs-blue',
        'shadow-[0_4px_0_var(--color-nhs-blue)] hover:bg-nhs-pale-grey active:translate-y-[4px] active:shadow-none',
        'disabled:cursor-not-allowed disabled:opacity-60',
        className,
      )}
      {...props}
    />
  );
}
