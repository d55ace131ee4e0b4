import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** A short label above the title, e.g. the section the page belongs to. */
  caption?: ReactNode;
  /** One or two sentences under the title. */
  children?: ReactNode;
}

/** The page's single h1, with an optional caption and lead paragraph. */
export function PageHeader({ title, caption, children }: PageHeaderProps) {
  return (
    <div className="mb-8 max-w-4xl">
      {caption && <p className="mb-1 text-[1.375rem] text-nhs-dark-grey">{caption}</p>}
      <h1 className="text-[2.25rem] leading-tight font-bold sm:text-[3rem]">{title}</h1>
      {children && <div className="mt-4 text-[1.375rem] leading-normal">{children}</div>}
    </div>
  );
}
