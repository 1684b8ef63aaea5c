// The sign-in page: email + password, plus a button per configured OAuth provider.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeCallbackUrl } from '../../components/safe-callback-url';
import { botCheckConfig, enabledOAuthProviders } from '../_server/config';
import { getCaller } from '../_server/session';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

const ERRORS: Record<string, string> = {
  invalid_credentials: 'Email or password is incorrect.',
  bot_check_failed: 'The bot check failed. Reload the page and try again.',
  OAuthAccountNotLinked: 'This email already has an account. Sign in with your password first.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCaller()) redirect(callbackUrl);
  const providers = enabledOAuthProviders().map((p) => p.id);
  const error = params.code ? ERRORS[params.code] : params.error ? (ERRORS[params.error] ?? 'Sign-in failed. Please try again.') : undefined;
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">로그인 Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} providers={providers} siteKey={botCheckConfig()?.siteKey ?? null} initialError={error} />
      <p className="mt-6 text-sm text-zinc-600">
        No account yet?{' '}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-rose-600 hover:underline">
          Sign up
        </Link>
      </p>
    </section>
  );
}
