'use client';
// One admin navigation entry, marked as the current page (aria-current) on its page and the
// pages under it, so a screen reader announces where the admin is and the entry stands out.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export function AdminNavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || (href !== '/admin' && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className={`block rounded px-2 py-1 hover:bg-zinc-100 ${current ? 'bg-zinc-100 font-semibold' : ''}`}>
      {children}
    </Link>
  );
}
