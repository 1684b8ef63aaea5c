'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { BOT_TOKEN_HEADER, getBotToken } from '../../components/bot-token';
import { buttonClass, inputClass, signInWithPassword } from '../sign-in/sign-in-form';

type ApiError = { error?: { message?: string; field?: string } };

export function SignUpForm({ callbackUrl, siteKey }: { callbackUrl: string; siteKey: string | null }) {
  const router = useRouter();
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
        setError({ message: payload.error?.message ?? 'Sign-up failed. Please try again.', field: payload.error?.field });
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
        Name
        <input name="name" autoComplete="name" required maxLength={50} className={inputClass} {...invalid('name')} />
      </label>
      <label className="block text-sm font-medium">
        Email
        <input name="email" type="email" autoComplete="email" required className={inputClass} {...invalid('email')} />
      </label>
      <label className="block text-sm font-medium">
        Password
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} className={inputClass} {...invalid('password')} />
        <span className="mt-1 block text-xs font-normal text-zinc-500">At least 8 characters, with a letter and a digit or symbol.</span>
      </label>
      {error && (
        <p id="sign-up-error" role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
