import type { ComponentProps } from 'react';
import { classNames } from './class-names';

/** Centres content at a readable width with side gutters. */
export function Container({ className, ...props }: ComponentProps<'div'>) {
  return <div className={classNames('mx-auto w-full max-w-[80rem] px-4 sm:px-8', className)} {...props} />;
}
