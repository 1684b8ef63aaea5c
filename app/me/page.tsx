// My page: who I am, how I sign in, and a password change.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getUserProfile } from '../../lib/auth/get-user-profile';
import { serviceTimeZone } from '../../lib/i18n/locales';
import { db } from '../_server/clients';
import { getFormat } from '../_server/get-format';
import { requireUserPage } from '../_server/session';
import { AddEmailForm } from './add-email-form';
import { ChangePasswordForm } from './change-password-form';
import { ResendVerificationButton } from './resend-verification-button';

// Where the confirmation link sent the browser (app/api/auth/email/verify) → what to say.
const VERIFICATION_OUTCOMES = { verified: 'emailVerifiedNow', expired: 'verificationExpired', invalid: 'verificationInvalid' } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('me'))('title') };
}

export default async function MyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const outcome = (await searchParams).emailVerification;
  const outcomeKey = outcome && outcome in VERIFICATION_OUTCOMES ? VERIFICATION_OUTCOMES[outcome as keyof typeof VERIFICATION_OUTCOMES] : null;
  // A link opened while signed out keeps its outcome through the sign-in.
  const caller = await requireUserPage(outcomeKey ? `/me?emailVerification=${outcome}` : '/me');
  const [profile, t, format] = await Promise.all([getUserProfile(db(), caller.id), getTranslations('me'), getFormat()]);
  return (
    <section className="mx-auto max-w-lg space-y-8">
      <div>
        <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
        {outcomeKey && (
          <p role="status" data-testid="email-verification-outcome" className="mb-4 rounded border border-zinc-200 bg-white p-3 text-sm">
            {t(outcomeKey)}
          </p>
        )}
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-zinc-200 bg-white p-6 text-sm shadow-sm">
          <dt className="text-zinc-600">{t('name')}</dt>
          <dd data-testid="profile-name">{profile.name ?? '—'}</dd>
          <dt className="text-zinc-600">{t('email')}</dt>
          <dd>
            <span data-testid="profile-email">{profile.email ?? '—'}</span>
            {profile.email && (
              <span data-testid="profile-email-status" className="ml-2 text-zinc-600">
                ({profile.emailVerified ? t('emailVerified') : t('emailUnverified')})
              </span>
            )}
          </dd>
          <dt className="text-zinc-600">{t('role')}</dt>
          <dd>{profile.role === 'ADMIN' ? t('admin') : t('customer')}</dd>
          <dt className="text-zinc-600">{t('signsInWith')}</dt>
          <dd>{[...(profile.hasPassword ? [t('passwordMethod')] : []), ...profile.providers].join(', ')}</dd>
          <dt className="text-zinc-600">{t('memberSince')}</dt>
          <dd>{format.dateTime(profile.createdAt, serviceTimeZone, 'date')}</dd>
        </dl>
      </div>
      {profile.email === null && (
        <div>
          <h2 className="mb-4 text-lg font-semibold">{t('addEmail')}</h2>
          <AddEmailForm />
        </div>
      )}
      {profile.email !== null && !profile.emailVerified && <ResendVerificationButton />}
      {profile.hasPassword && (
        <div>
          <h2 className="mb-4 text-lg font-semibold">{t('changePassword')}</h2>
          <ChangePasswordForm />
        </div>
      )}
    </section>
  );
}
