// My page: who I am, how I sign in, and a password change.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { getUserProfile } from '../../lib/auth/get-user-profile';
import { db } from '../_server/clients';
import { getFormat } from '../_server/get-format';
import { requireUserPage } from '../_server/session';
import { AddEmailForm } from './add-email-form';
import { ChangePasswordForm } from './change-password-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('me'))('title') };
}

// An account belongs to no venue: its dates are read on the service's home clock.
const HOME_ZONE = 'Asia/Seoul';

export default async function MyPage() {
  const caller = await requireUserPage('/me');
  const [profile, t, format] = await Promise.all([getUserProfile(db(), caller.id), getTranslations('me'), getFormat()]);
  return (
    <section className="mx-auto max-w-lg space-y-8">
      <div>
        <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-zinc-200 bg-white p-6 text-sm shadow-sm">
          <dt className="text-zinc-600">{t('name')}</dt>
          <dd data-testid="profile-name">{profile.name ?? '—'}</dd>
          <dt className="text-zinc-600">{t('email')}</dt>
          <dd data-testid="profile-email">{profile.email ?? '—'}</dd>
          <dt className="text-zinc-600">{t('role')}</dt>
          <dd>{profile.role === 'ADMIN' ? t('admin') : t('customer')}</dd>
          <dt className="text-zinc-600">{t('signsInWith')}</dt>
          <dd>{[...(profile.hasPassword ? [t('passwordMethod')] : []), ...profile.providers].join(', ')}</dd>
          <dt className="text-zinc-600">{t('memberSince')}</dt>
          <dd>{format.dateTime(profile.createdAt, HOME_ZONE, 'date')}</dd>
        </dl>
      </div>
      {profile.email === null && (
        <div>
          <h2 className="mb-4 text-lg font-semibold">{t('addEmail')}</h2>
          <AddEmailForm />
        </div>
      )}
      {profile.hasPassword && (
        <div>
          <h2 className="mb-4 text-lg font-semibold">{t('changePassword')}</h2>
          <ChangePasswordForm />
        </div>
      )}
    </section>
  );
}
