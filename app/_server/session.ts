// Who is signed in, for server components and pages. The Accounts issue backs this with the
// Auth.js session; pages guard themselves with requireUserPage()/requireAdminPage().
import 'server-only';
import { redirect } from 'next/navigation';
import type { Caller } from './gateway';

export async function getCaller(): Promise<Caller | null> {
  return null;
}

export async function requireUserPage(returnTo: string): Promise<Caller> {
  const caller = await getCaller();
  if (!caller) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return caller;
}

/** Signed out → sign-in page; signed in without the ADMIN role → 403 page (notFound is not used: admins exist). */
export async function requireAdminPage(returnTo: string): Promise<Caller> {
  const caller = await requireUserPage(returnTo);
  if (caller.role !== 'ADMIN') redirect('/forbidden');
  return caller;
}
