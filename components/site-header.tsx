import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitcher } from './locale-switcher';
import { SignOutButton } from './sign-out-button';
import type { Role } from '../lib/auth/roles';

/** The signed-in user comes from the page (the session is the app's to read, not a component's). */
export async function SiteHeader({ user }: { user: { name: string | null; email: string | null; role: Role } | null }) {
  const t = await getTranslations('nav');
  const [tickets, checkIn, tTransfers] = await Promise.all([getTranslations('tickets'), getTranslations('checkIn'), getTranslations('transfers')]);
  return (
    <header className="border-b border-zinc-200 bg-white">
      <nav className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-5 gap-y-2 px-4 py-3" aria-label={t('label')}>
        <Link href="/" className="text-lg font-bold text-rose-700" aria-label={t('home')}>
          OpenSeat
        </Link>
        <Link href="/events" className="text-sm text-zinc-700 hover:text-zinc-950">
          {t('events')}
        </Link>
        {user?.role === 'ADMIN' && (
          <Link href="/admin" className="text-sm text-zinc-700 hover:text-zinc-950">
            {t('admin')}
          </Link>
        )}
        {(user?.role === 'STAFF' || user?.role === 'ADMIN') && (
          <Link href="/staff/scan" className="text-sm text-zinc-700 hover:text-zinc-950">
            {checkIn('navLabel')}
          </Link>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-2">
          {user ? (
            <>
              <Link href="/tickets" className="text-sm text-zinc-700 hover:text-zinc-950">
                {tickets('navLabel')}
              </Link>
              <Link href="/me/reservations" className="text-sm text-zinc-700 hover:text-zinc-950">
                {t('reservations')}
              </Link>
              <Link href="/transfers" className="text-sm text-zinc-700 hover:text-zinc-950">
                {tTransfers('navLabel')}
              </Link>
              <Link href="/me" className="text-sm font-medium text-zinc-900 hover:underline" data-testid="signed-in-user">
                {user.name ?? user.email ?? t('myPage')}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="text-sm text-zinc-700 hover:text-zinc-950">
                {t('signIn')}
              </Link>
              <Link href="/sign-up" className="rounded-md bg-rose-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-800">
                {t('signUp')}
              </Link>
            </>
          )}
          <LocaleSwitcher />
        </div>
      </nav>
    </header>
  );
}
