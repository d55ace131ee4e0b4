import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import type { Permission } from '@/lib/shared/permissions';

export const metadata: Metadata = { title: 'Admin' };

const SECTIONS: readonly { href: string; title: string; description: string; permission: Permission }[] = [
  {
    href: '/admin/users',
    title: 'Users',
    description:
      'Create users, give and revoke roles (with the division, specialty or consultant each covers), reset passwords, deactivate accounts.',
    permission: 'users:manage',
  },
  {
    href: '/admin/api-tokens',
    title: 'API tokens',
    description:
      'Tokens for jobs that send extracts automatically: create one, see when it was last used, revoke it.',
    permission: 'api-tokens:manage',
  },
  {
    href: '/admin/parameters',
    title: 'Trust parameters',
    description:
      'The leave-notice threshold, fulfilment target, delivery thresholds and the other settings every number is calculated with.',
    permission: 'parameters:manage',
  },
  {
    href: '/admin/audit-log',
    title: 'Audit log',
    description:
      'Who signed in, imported, exported, viewed named data or changed users and parameters, and when; with a CSV download.',
    permission: 'audit:view',
  },
];

export default async function AdminPage() {
  await connection();
  const caller = await getPageCaller('users:manage', '/admin');
  const sections = SECTIONS.filter((section) => caller.permissions.has(section.permission));
  return (
    <>
      <PageHeader title="Admin">
        <p>
          For the information team: who may use Fulfil and see what, the trust&apos;s parameters, and the
          record of who did what.
        </p>
      </PageHeader>
      <ul className="grid max-w-5xl gap-6 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href}>
            <Panel className="mb-0 h-full">
              <h2 className="mb-3 text-[1.5rem] leading-tight font-bold">
                <Link href={section.href}>{section.title}</Link>
              </h2>
              <p>{section.description}</p>
            </Panel>
          </li>
        ))}
      </ul>
    </>
  );
}
