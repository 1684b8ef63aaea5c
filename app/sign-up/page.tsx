// The sign-up page: a customer account with email and password (then signed in at once).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeCallbackUrl } from '../../components/safe-callback-url';
import { botCheckConfig } from '../_server/config';
import { getCaller } from '../_server/session';
import { SignUpForm } from './sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUpTitle') };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCaller()) redirect(callbackUrl);
  const t = await getTranslations('auth');
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">{t('signUpTitle')}</h1>
      <SignUpForm callbackUrl={callbackUrl} siteKey={botCheckConfig()?.siteKey ?? null} />
      <p className="mt-6 text-sm text-zinc-600">
        {t('haveAccount')}{' '}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-rose-700 hover:underline">
          {t('signIn')}
        </Link>
      </p>
    </section>
  );
}
