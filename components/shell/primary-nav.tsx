'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { classNames } from '@/components/ui/class-names';
import { Container } from '@/components/ui/container';

const NAVIGATION_ITEMS = [
  { href: '/', label: 'Overview' },
  { href: '/specialties', label: 'Specialties' },
  { href: '/consultants', label: 'Consultants' },
  { href: '/imports', label: 'Imports' },
  { href: '/definitions', label: 'Definitions' },
  { href: '/admin', label: 'Admin' },
] as const;

/** `page` on the item for this exact page; `true` on the section a deeper page belongs to. */
function getAriaCurrent(pathname: string, href: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  if (href !== '/' && pathname.startsWith(`${href}/`)) return 'true';
  return undefined;
}

/** The header's main navigation, marking where the reader is. */
export function PrimaryNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Primary" className="border-t border-nhs-white/40">
      <Container>
        <ul className="-mx-3 flex flex-wrap">
          {NAVIGATION_ITEMS.map((item) => {
            const ariaCurrent = getAriaCurrent(pathname, item.href);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={ariaCurrent}
                  className={classNames(
                    'block border-b-4 px-3 pt-3 pb-2 font-bold text-nhs-white no-underline hover:underline',
                    ariaCurrent ? 'border-nhs-white' : 'border-transparent',
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </Container>
    </nav>
  );
}
