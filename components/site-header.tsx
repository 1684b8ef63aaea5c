import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white">
      <nav className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3" aria-label="Main">
        <Link href="/" className="text-lg font-bold text-rose-600">
          OpenSeat
        </Link>
        <Link href="/events" className="text-sm text-zinc-700 hover:text-zinc-950">
          공연 Events
        </Link>
      </nav>
    </header>
  );
}
