import type { ComponentProps } from 'react';
import { classNames } from './class-names';

/** A section heading (h2) at NHS size. */
export function SectionHeading({ className, ...props }: ComponentProps<'h2'>) {
  return (
    <h2
      className={classNames('mb-4 text-[1.75rem] leading-tight font-bold sm:text-[2rem]', className)}
      {...props}
    />
  );
}
