// Who is signed in, for server components and pages: the same cookie → JWT decoding as the
// gateway's first links. Pages guard themselves with requireUserPage()/requireAdminPage().
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { readSessionUser, type Caller, type SessionUser } from './gateway';

export async function getSessionUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return readSessionUser((name) => jar.get(name)?.value);
}

export async function getCaller(): Promise<Caller | null> {
  const user = await getSessionUser();
  return user && { id: user.id, role: user.role };
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
