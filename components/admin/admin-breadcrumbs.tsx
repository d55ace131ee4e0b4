import Link from 'next/link';

/** "Admin ›" above an admin page's title, back to the Admin index (and, for a user, to Users). */
export function AdminBreadcrumbs({ trail = [] }: { trail?: readonly { href: string; label: string }[] }) {
  const items = [{ href: '/admin', label: 'Admin' }, ...trail];
  return (
    <nav aria-label="Breadcrumb" className="mb-4">
      <ol className="flex flex-wrap gap-2">
        {items.map((item) => (
          <li key={item.href} className="flex items-center gap-2">
            <Link href={item.href}>{item.label}</Link>
            <span aria-hidden="true">›</span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
