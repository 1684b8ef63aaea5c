// Where requireAdminPage() sends a signed-in customer: the area exists, but not for them.
import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Not allowed' };

export default function ForbiddenPage() {
  return (
    <section className="mx-auto max-w-md text-center">
      <h1 className="mb-2 text-2xl font-bold">403 · 접근 권한이 없습니다</h1>
      <p className="mb-6 text-zinc-600">This area is for administrators only.</p>
      <Link href="/" className="font-medium text-rose-600 hover:underline">
        Back to events
      </Link>
    </section>
  );
}
