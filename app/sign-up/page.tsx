// The sign-up page: a customer account with email and password (then signed in at once).
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeCallbackUrl } from '../../components/safe-callback-url';
import { botCheckConfig } from '../_server/config';
import { getCaller } from '../_server/session';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Sign up' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getCaller()) redirect(callbackUrl);
  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-6 text-2xl font-bold">회원가입 Sign up</h1>
      <SignUpForm callbackUrl={callbackUrl} siteKey={botCheckConfig()?.siteKey ?? null} />
      <p className="mt-6 text-sm text-zinc-600">
        Already have an account?{' '}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-rose-600 hover:underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}
