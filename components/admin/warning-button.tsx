import type { ComponentProps } from 'react';
import { classNames } from '@/components/ui/class-names';

/** The NHS warning button: red, for an action that takes something away (revoke, deactivate). */
export function WarningButton({ className, type = 'button', ...props }: ComponentProps<'button'>) {
  return (
    <button
      type={type}
      className={classNames(
        'cursor-pointer rounded-[4px] bg-nhs-red px-4 py-3 text-[1.1875rem] leading-none font-bold text-nhs-white',
        'shadow-[0_4px_0_#6b140e] hover:bg-[#a2231a] active:translate-y-[4px] active:shadow-none',
        'disabled:cursor-not-allowed disabled:opacity-60',
        className,
      )}
      {...props}
    />
  );
}
