'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { BOT_TOKEN_HEADER, getBotToken } from '../../components/bot-token';
import { buttonClass, inputClass, signInWithPassword } from '../sign-in/sign-in-form';

type ApiError = { error?: { message?: string; field?: string } };

export function SignUpForm({ callbackUrl, siteKey }: { callbackUrl: string; siteKey: string | null }) {
  const router = useRouter();
  const t = useTranslations('auth');
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get('name')), email: String(form.get('email')), password: String(form.get('password')) };
    setPending(true);
    setError(undefined);
    try {
      const token = await getBotToken(siteKey, 'sign_up');
      const response = await fetch('/api/auth/sign-up', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { [BOT_TOKEN_HEADER]: token } : {}) },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        const payload = (await response.json().catch(() => ({}))) as ApiError;
        setError({ message: payload.error?.message ?? t('errors.signUpFailed'), field: payload.error?.field });
        return;
      }
      const failure = await signInWithPassword(body.email, body.password, siteKey);
      if (failure) {
        router.push(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'sign-up-error' } : {});
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
      <label className="block text-sm font-medium">
        {t('name')}
        <input name="name" autoComplete="name" required maxLength={50} className={inputClass} {...invalid('name')} />
      </label>
      <label className="block text-sm font-medium">
        {t('email')}
        <input name="email" type="email" autoComplete="email" required className={inputClass} {...invalid('email')} />
      </label>
      <label className="block text-sm font-medium">
        {t('password')}
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} className={inputClass} {...invalid('password')} />
        <span className="mt-1 block text-xs font-normal text-zinc-600">{t('passwordHint')}</span>
      </label>
      {error && (
        <p id="sign-up-error" role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t('creating') : t('createAccount')}
      </button>
    </form>
  );
}
