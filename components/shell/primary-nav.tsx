'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { ADMIN_PERMISSIONS } from '@/components/admin/admin-sections';
import { classNames } from '@/components/ui/class-names';
import { Container } from '@/components/ui/container';
import type { Permission } from '@/lib/shared/permissions';

/** Each item shows only to those whose role allows its page (the page checks again on the server). */
const NAVIGATION_ITEMS: readonly {
  href: string;
  label: string;
  permission: Permission | readonly Permission[];
}[] = [
  { href: '/', label: 'Overview', permission: 'metrics:view' },
  { href: '/specialties', label: 'Specialties', permission: 'metrics:view' },
  { href: '/consultants', label: 'Consultants', permission: 'metrics:view' },
  { href: '/reviews', label: 'Reviews', permission: 'metrics:view' },
  { href: '/actions', label: 'Actions', permission: 'metrics:view' },
  { href: '/imports', label: 'Imports', permission: 'imports:manage' },
  { href: '/data-quality', label: 'Data quality', permission: 'data-quality:view' },
  { href: '/definitions', label: 'Definitions', permission: 'metrics:view' },
  { href: '/admin', label: 'Admin', permission: ADMIN_PERMISSIONS },
];

/** `page` on the item for this exact page; `true` on the section a deeper page belongs to. */
function getAriaCurrent(pathname: string, href: string): 'page' | 'true' | undefined {
  if (pathname === href) return 'page';
  if (href !== '/' && pathname.startsWith(`${href}/`)) return 'true';
  return undefined;
}

/** The header's main navigation, marking where the reader is. */
export function PrimaryNav({ permissions }: { permissions: readonly Permission[] }) {
  const pathname = usePathname();
  const items = NAVIGATION_ITEMS.filter((item) =>
    (typeof item.permission === 'string' ? [item.permission] : item.permission).some((permission) =>
      permissions.includes(permission),
    ),
  );
  return (
    <nav aria-label="Primary" className="border-t border-nhs-white/40">
      <Container>
        <ul className="-mx-3 flex flex-wrap">
          {items.map((item) => {
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
