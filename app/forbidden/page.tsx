// Where requireAdminPage() sends a signed-in customer: the area exists, but not for them.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forbidden'))('title') };
}

export default async function ForbiddenPage() {
  const t = await getTranslations('forbidden');
  return (
    <section className="mx-auto max-w-md text-center">
      <h1 className="mb-2 text-2xl font-bold">403 · {t('title')}</h1>
      <p className="mb-6 text-zinc-600">{t('body')}</p>
      <Link href="/" className="font-medium text-rose-700 hover:underline">
        {t('back')}
      </Link>
    </section>
  );
}
