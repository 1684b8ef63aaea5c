// The admin navigation's entries. To add an admin page, add one entry here and its label in both
// catalogs; admin-nav-items.test.ts fails when a page under app/admin is reachable from none.
export const ADMIN_NAV = [
  { href: '/admin', label: 'admin.nav.dashboard' },
  { href: '/admin/dashboard', label: 'admin.nav.statistics' },
  { href: '/admin/catalog', label: 'admin.nav.catalog' },
  { href: '/admin/waiting-room', label: 'admin.nav.waitingRooms' },
  { href: '/admin/users', label: 'adminLists.nav.users' },
  { href: '/admin/reservations', label: 'adminLists.nav.reservations' },
  { href: '/admin/payments', label: 'admin.nav.payments' },
  { href: '/admin/tickets', label: 'adminLists.nav.tickets' },
  { href: '/admin/check-in', label: 'checkIn.admin.title' },
  { href: '/admin/reconciliation', label: 'admin.nav.reconciliation' },
  { href: '/admin/exports', label: 'adminLists.nav.exports' },
  { href: '/admin/audit', label: 'adminLists.nav.audit' },
  { href: '/admin/outbox', label: 'admin.nav.outbox' },
] as const;
