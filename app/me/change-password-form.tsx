'use client';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { buttonClass, inputClass } from '../sign-in/sign-in-form';

export function ChangePasswordForm() {
  const t = useTranslations('me');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    try {
      const response = await fetch('/api/auth/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword') }),
      });
      if (response.ok) {
        formElement.reset();
        setMessage({ ok: true, text: t('changed') });
      } else {
        const payload = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        setMessage({ ok: false, text: payload.error?.message ?? t('notChanged') });
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
      <label className="block text-sm font-medium">
        {t('currentPassword')}
        <input name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
      </label>
      <label className="block text-sm font-medium">
        {t('newPassword')}
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={128} className={inputClass} />
      </label>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`text-sm ${message.ok ? 'text-green-700' : 'text-red-600'}`}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>
        {t('changePassword')}
      </button>
    </form>
  );
}
