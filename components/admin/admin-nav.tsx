// The admin dashboard's navigation. To add a page, add one entry here and its label under
// admin.nav in both catalogs.
import Link from 'next/link';
import { useTranslations } from 'next-intl';

export const ADMIN_NAV = [
  { href: '/admin', key: 'dashboard' },
  { href: '/admin/catalog', key: 'catalog' },
  { href: '/admin/waiting-room', key: 'waitingRooms' },
  { href: '/admin/outbox', key: 'outbox' },
  { href: '/admin/payments', key: 'payments' },
  { href: '/admin/reconciliation', key: 'reconciliation' },
  // A feature's own namespace may name its entry (`label`, a full message key).
  { href: '/admin/check-in', key: 'checkIn', label: 'checkIn.admin.title' },
] as const;

export function AdminNav() {
  const t = useTranslations('admin');
  const all = useTranslations();
  return (
    <nav aria-label={t('navLabel')} className="rounded-lg border border-zinc-200 bg-white p-3">
      <ul className="space-y-1 text-sm">
        {ADMIN_NAV.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block rounded px-2 py-1 hover:bg-zinc-100">
              {'label' in item ? all(item.label) : t(`nav.${item.key}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
