// The admin dashboard's navigation (its entries: admin-nav-items.ts).
import { useTranslations } from 'next-intl';
import { ADMIN_NAV } from './admin-nav-items';
import { AdminNavLink } from './admin-nav-link';

export function AdminNav() {
  const t = useTranslations();
  return (
    <nav aria-label={t('admin.navLabel')} className="rounded-lg border border-zinc-200 bg-white p-3">
      <ul className="space-y-1 text-sm">
        {ADMIN_NAV.map((item) => (
          <li key={item.href}>
            <AdminNavLink href={item.href}>{t(item.label)}</AdminNavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
