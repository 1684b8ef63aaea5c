'use client';
// Sends the email-confirmation link again (the first went out at sign-up or when the address was added).
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function ResendVerificationButton() {
  const t = useTranslations('me');
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);

  async function resend() {
    setPending(true);
    try {
      const response = await fetch('/api/auth/email/verification', { method: 'POST' });
      const payload = (await response.json().catch(() => ({}))) as { verificationSent?: boolean; error?: { message?: string } };
      setMessage(payload.verificationSent ? t('verificationSent') : (payload.error?.message ?? t('verificationNotSent')));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-600">{t('verifyEmailWhy')}</p>
      <button type="button" onClick={resend} disabled={pending} className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100">
        {t('resendVerification')}
      </button>
      {message && (
        <p role="status" className="text-sm text-zinc-700">
          {message}
        </p>
      )}
    </div>
  );
}
