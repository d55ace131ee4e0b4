import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ADMIN_PERMISSIONS, getAdminSectionsFor } from '@/components/admin/admin-sections';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  await connection();
  // Open to anyone who may use one of its sections; it lists those (each page checks its own permission again).
  const caller = await getPageCaller(ADMIN_PERMISSIONS, '/admin');
  const sections = getAdminSectionsFor(caller.permissions);
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
