import Link from 'next/link';
import { SignOutButton } from './sign-out-button';

/** The signed-in user comes from the page (the session is the app's to read, not a component's). */
export function SiteHeader({ user }: { user: { name: string | null; email: string | null; role: 'USER' | 'ADMIN' } | null }) {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <nav className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3" aria-label="Main">
        <Link href="/" className="text-lg font-bold text-rose-600">
          OpenSeat
        </Link>
        <Link href="/events" className="text-sm text-zinc-700 hover:text-zinc-950">
          공연 Events
        </Link>
        {user?.role === 'ADMIN' && (
          <Link href="/admin" className="text-sm text-zinc-700 hover:text-zinc-950">
            관리 Admin
          </Link>
        )}
        <div className="ml-auto flex items-center gap-4">
          {user ? (
            <>
              <Link href="/me/reservations" className="text-sm text-zinc-700 hover:text-zinc-950">
                예매 내역 Reservations
              </Link>
              <Link href="/me" className="text-sm font-medium text-zinc-900 hover:underline" data-testid="signed-in-user">
                {user.name ?? user.email ?? 'My page'}
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="text-sm text-zinc-700 hover:text-zinc-950">
                로그인 Sign in
              </Link>
              <Link href="/sign-up" className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-700">
                회원가입 Sign up
              </Link>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
