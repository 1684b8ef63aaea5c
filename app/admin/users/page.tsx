// /admin/users — users by email or name, role and suspension, 25 a page; role change and
// suspension on each row (never on the admin's own).
import { getTranslations } from 'next-intl/server';
import { listAdminUsers } from '../../../lib/admin/list-admin-users';
import { ROLES } from '../../../lib/auth/roles';
import { DEFAULT_VENUE_TIME_ZONE } from '../../../lib/refunds/cancellation-policy';
import { ListFilters, SelectFilter, TextFilter } from '../../../components/admin/list-filters';
import { ListPager } from '../../../components/admin/list-pager';
import { ListTable } from '../../../components/admin/list-table';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { requireAdminPage } from '../../_server/session';
import { UserActions } from './user-actions';

export async function generateMetadata() {
  return { title: (await getTranslations('adminLists.users'))('title') };
}

type Search = { q?: string; role?: string; state?: string; page?: string };
const STATES = ['active', 'suspended'] as const;

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const admin = await requireAdminPage('/admin/users');
  const search = await searchParams;
  const filters = {
    q: search.q,
    role: ROLES.find((r) => r === search.role),
    state: STATES.find((s) => s === search.state),
    page: Number(search.page) > 0 ? Number(search.page) : 1,
  };
  const [list, t, tc, tr, format] = await Promise.all([
    listAdminUsers(db(), filters),
    getTranslations('adminLists.users'),
    getTranslations('adminLists.common'),
    getTranslations('adminLists.roles'),
    getFormat(),
  ]);

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ListFilters>
        <TextFilter label={t('searchLabel')} name="q" defaultValue={search.q} type="search" />
        <SelectFilter label={t('role')} name="role" defaultValue={filters.role} anyLabel={tc('any')} options={ROLES.map((r) => ({ value: r, label: tr(r) }))} />
        <SelectFilter label={t('state')} name="state" defaultValue={filters.state} anyLabel={tc('any')} options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))} />
      </ListFilters>

      <ListTable
        testId="admin-users"
        columns={[t('email'), t('name'), t('role'), t('state'), t('joined'), t('providers'), t('actions')]}
        rows={list.rows}
        none={t('none')}
        renderRow={(u) => (
          <tr key={u.id} className="border-b border-zinc-100 align-top" data-testid="admin-user" data-email={u.email ?? ''}>
            <td className="py-2 pr-3">{u.email ?? '—'}</td>
            <td className="py-2 pr-3">{u.name ?? '—'}</td>
            <td className="py-2 pr-3" data-testid="user-role">{tr(u.role)}</td>
            <td className="py-2 pr-3">
              {u.suspendedAt ? t('suspendedSince', { date: format.dateTime(u.suspendedAt, DEFAULT_VENUE_TIME_ZONE, 'short') }) : t('states.active')}
            </td>
            <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(u.createdAt, DEFAULT_VENUE_TIME_ZONE, 'date')}</td>
            <td className="py-2 pr-3">{u.providers.length ? u.providers.join(', ') : t('password')}</td>
            <td className="py-2">
              {u.id === admin.id ? (
                <span className="text-zinc-700">{t('self')}</span>
              ) : (
                <UserActions user={{ id: u.id, label: u.email ?? u.name ?? u.id, role: u.role, suspended: u.suspendedAt !== null }} />
              )}
            </td>
          </tr>
        )}
      />
      <ListPager basePath="/admin/users" search={search} page={list.page} pageSize={list.pageSize} total={list.total} />
    </section>
  );
}
