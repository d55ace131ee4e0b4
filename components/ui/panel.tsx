import type { ComponentProps } from 'react';
import { classNames } from './class-names';

/** A white content panel on the grey page background. */
export function Panel({ className, ...props }: ComponentProps<'section'>) {
  return <section className={classNames('mb-8 bg-nhs-white p-6 sm:p-8', className)} {...props} />;
}
