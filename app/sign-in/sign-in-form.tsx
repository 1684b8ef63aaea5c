'use client';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { getBotToken } from '../../components/bot-token';

// Brand colours; Naver's green needs black text for 4.5:1 contrast.
const PROVIDER_STYLES = {
  kakao: 'bg-[#FEE500] text-black',
  naver: 'bg-[#03C75A] text-black',
  google: 'border border-zinc-300 bg-white text-zinc-900',
} as const;
const isKnownProvider = (id: string): id is keyof typeof PROVIDER_STYLES => id in PROVIDER_STYLES;

export const inputClass = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2 text-sm focus:border-rose-500 focus:outline-none';
export const buttonClass = 'w-full rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-50';

/** Credentials sign-in through Auth.js; also used right after sign-up. Resolves to the catalog key of the failure (auth.errors.*, or `suspended`) or null. */
export async function signInWithPassword(email: string, password: string, siteKey: string | null): Promise<'botCheck' | 'invalidCredentials' | 'tooMany' | 'suspended' | null> {
  try {
    const recaptchaToken = (await getBotToken(siteKey, 'sign_in')) ?? '';
    const result = await signIn('credentials', { email, password, recaptchaToken, redirect: false });
    if (result.ok && !result.error) return null;
    if (result.code === 'bot_check_failed') return 'botCheck';
    if (result.code === 'account_suspended') return 'suspended';
    return 'invalidCredentials';
  } catch {
    // A 429 from the gateway carries no redirect URL for next-auth to parse.
    return 'tooMany';
  }
}

export function SignInForm(props: { callbackUrl: string; providers: string[]; siteKey: string | null; initialError?: string }) {
  const router = useRouter();
  const t = useTranslations('auth');
  const tSuspended = useTranslations('adminLists.signIn');
  const [error, setError] = useState(props.initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const failure = await signInWithPassword(String(form.get('email')), String(form.get('password')), props.siteKey);
    if (failure) {
      setError(failure === 'suspended' ? tSuspended('suspended') : t(`errors.${failure}`));
      setPending(false);
      return;
    }
    router.push(props.callbackUrl);
    router.refresh();
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <label className="block text-sm font-medium">
          {t('email')}
          <input name="email" type="email" autoComplete="email" required className={inputClass} />
        </label>
        <label className="block text-sm font-medium">
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required className={inputClass} />
        </label>
        {error && (
          <p role="alert" className="text-sm text-red-600">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? t('signingIn') : t('signIn')}
        </button>
      </form>
      {props.providers.length > 0 && (
        <div className="space-y-2">
          {props.providers.map((id) => (
            <button
              key={id}
              type="button"
              onClick={() => signIn(id, { redirectTo: props.callbackUrl })}
              className={`w-full rounded-md px-4 py-2 text-sm font-semibold ${isKnownProvider(id) ? PROVIDER_STYLES[id] : ''}`}
            >
              {isKnownProvider(id) ? t(`providers.${id}`) : id}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
