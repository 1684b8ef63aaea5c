// The admin dashboard's navigation. To add a page, add one entry here.
import Link from 'next/link';

export const ADMIN_NAV: { href: string; label: string }[] = [
  { href: '/admin', label: '대시보드 Dashboard' },
  { href: '/admin/catalog', label: '공연 관리 Catalog' },
];

export function AdminNav() {
  return (
    <nav aria-label="Admin" className="rounded-lg border border-zinc-200 bg-white p-3">
      <ul className="space-y-1 text-sm">
        {ADMIN_NAV.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block rounded px-2 py-1 hover:bg-zinc-100">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
