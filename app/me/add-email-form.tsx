'use client';
// The "add your email" step on my page: linked from wherever an email is needed (receipts).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { buttonClass, inputClass } from '../sign-in/sign-in-form';

export function AddEmailForm() {
  const router = useRouter();
  const t = useTranslations('me');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    try {
      const response = await fetch('/api/auth/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: form.get('email') }),
      });
      if (response.ok) router.refresh();
      else {
        const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        setError(payload.error?.message ?? t('emailNotSaved'));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form id="add-email" onSubmit={onSubmit} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
      <p className="text-sm text-zinc-600">{t('addEmailWhy')}</p>
      <label className="block text-sm font-medium">
        {t('email')}
        <input name="email" type="email" autoComplete="email" required maxLength={254} className={inputClass} />
      </label>
      {error && (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {t('addEmailSubmit')}
      </button>
    </form>
  );
}
