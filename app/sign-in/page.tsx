// The sign-in page: email + password, plus a button per configured OAuth provider.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeCallbackUrl } from '../../components/safe-callback-url';
import { botCheckConfig, enabledOAuthProviders } from '../_server/config';
import { getCaller } from '../_server/session';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

// Auth.js's error codes → catalog keys.
const ERRORS = { invalid_credentials: 'invalidCredentials', bot_check_failed: 'botCheck', OAuthAccountNotLinked: 'notLinked', email_unverified: 'emailUnverified' } as const;
const errorKey = (code: string | undefined) => (code && code in ERRORS ? ERRORS[code as keyof typeof ERRORS] : undefined);

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCaller()) redirect(callbackUrl);
  const providers = enabledOAuthProviders().map((p) => p.id);
  const t = await getTranslations('auth');
  const key = params.code ? errorKey(params.code) : params.error ? (errorKey(params.error) ?? 'failed') : undefined;
  // A suspended user's OAuth sign-in comes back as AccessDenied (auth.ts signIn callback refuses it).
  const error = params.error === 'AccessDenied' ? (await getTranslations('adminLists.signIn'))('suspended') : key ? t(`errors.${key}`) : undefined;
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">{t('signInTitle')}</h1>
      <SignInForm callbackUrl={callbackUrl} providers={providers} siteKey={botCheckConfig()?.siteKey ?? null} initialError={error} />
      <p className="mt-6 text-sm text-zinc-600">
        {t('noAccount')}{' '}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-rose-700 hover:underline">
          {t('signUpTitle')}
        </Link>
      </p>
    </section>
  );
}
