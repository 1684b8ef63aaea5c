'use client';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';

export function SignOutButton() {
  const t = useTranslations('nav');
  return (
    <button type="button" onClick={() => signOut({ redirectTo: '/' })} className="text-sm text-zinc-700 hover:text-zinc-950">
      {t('signOut')}
    </button>
  );
}
