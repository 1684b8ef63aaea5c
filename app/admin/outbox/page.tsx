// /admin/outbox — the event bus at a glance for operators: backlog, publish rate, consumer lag,
// dead letters with their error, and replay. Admins only.
import type { Metadata } from 'next';
import { requireAdminPage } from '../../_server/session';
import { OutboxDashboard } from './outbox-dashboard';

export const metadata: Metadata = { title: 'Outbox' };

export default async function AdminOutboxPage() {
  await requireAdminPage('/admin/outbox');
  return (
    <section>
      <h1 className="mb-1 text-2xl font-bold">Outbox and event bus</h1>
      <p className="mb-6 text-sm text-zinc-600">Events leave in the transaction that made them; the relay publishes them; consumers process each once.</p>
      <OutboxDashboard />
    </section>
  );
}
