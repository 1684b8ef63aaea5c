// The admin dashboard's navigation (its entries: admin-nav-items.ts).
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ADMIN_NAV } from './admin-nav-items';

export function AdminNav() {
  const t = useTranslations();
  return (
    <nav aria-label={t('admin.navLabel')} className="rounded-lg border border-zinc-200 bg-white p-3">
      <ul className="space-y-1 text-sm">
        {ADMIN_NAV.map((item) => (
          <li key={item.href}>
            <Link href={item.href} className="block rounded px-2 py-1 hover:bg-zinc-100">
              {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
