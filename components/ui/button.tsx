import type { ComponentProps } from 'react';
import { classNames } from './class-names';

/** The NHS primary button: green, with a dark shadow that it sinks into when pressed. */
export function Button({ className, type = 'button', ...props }: ComponentProps<'button'>) {
  return (
    <button
      type={type}
      className={classNames(
        'cursor-pointer rounded-[4px] bg-nhs-green px-4 py-3 text-[1.1875rem] leading-none font-bold text-nhs-white',
        'shadow-[0_4px_0_var(--color-nhs-dark-green)] hover:bg-[#00662f] active:translate-y-[4px] active:shadow-none',
        className,
      )}
      {...props}
    />
  );
}
