// The admin area's landing page (the catalog and operations issues add its tools).
import type { Metadata } from 'next';
import { requireAdminPage } from '../_server/session';

export const metadata: Metadata = { title: 'Admin' };

export default async function AdminPage() {
  await requireAdminPage('/admin');
  return (
    <section>
      <h1 className="mb-2 text-2xl font-bold">관리자 Admin area</h1>
      <p className="text-zinc-600">Events, waiting rooms and sales are managed here.</p>
    </section>
  );
}
