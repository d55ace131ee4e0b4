import type { ComponentProps, ReactNode } from 'react';
import { classNames } from './class-names';

type Align = 'start' | 'end';

const ALIGN_CLASSES: Record<Align, string> = {
  start: 'text-left',
  // Numbers line up on the right, with digits of equal width.
  end: 'text-right tabular-nums',
};

interface TableProps {
  /** Every table is named; hide the caption visually when a heading right above already says it. */
  caption: ReactNode;
  isCaptionHidden?: boolean;
  children: ReactNode;
}

export function Table({ caption, isCaptionHidden = false, children }: TableProps) {
  return (
    <table className="w-full border-collapse bg-nhs-white text-left">
      <caption
        className={classNames('mb-3 text-left text-[1.375rem] font-bold', isCaptionHidden && 'sr-only')}
      >
        {caption}
      </caption>
      {children}
    </table>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return <thead className="border-b-2 border-nhs-dark-grey">{children}</thead>;
}

export function TableBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={className} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={classNames('border-b border-nhs-mid-grey', className)} {...props} />;
}

type CellProps<Tag extends 'th' | 'td'> = Omit<ComponentProps<Tag>, 'align'> & { align?: Align };

/** A column's header cell (`scope="col"`). */
export function ColumnHeader({ align = 'start', className, ...props }: CellProps<'th'>) {
  return (
    <th
      scope="col"
      className={classNames('px-3 py-3 align-bottom font-bold', ALIGN_CLASSES[align], className)}
      {...props}
    />
  );
}

/** A row's (or, with `scope="rowgroup"`, a group of rows') header cell. */
export function RowHeader({
  align = 'start',
  scope = 'row',
  className,
  ...props
}: CellProps<'th'> & { scope?: 'row' | 'rowgroup' }) {
  return (
    <th
      scope={scope}
      className={classNames('px-3 py-3 align-top font-bold', ALIGN_CLASSES[align], className)}
      {...props}
    />
  );
}

export function TableCell({ align = 'start', className, ...props }: CellProps<'td'>) {
  return <td className={classNames('px-3 py-3 align-top', ALIGN_CLASSES[align], className)} {...props} />;
}
