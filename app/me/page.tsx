// My page: who I am, how I sign in, and a password change.
import type { Metadata } from 'next';
import { getUserProfile } from '../../lib/auth/get-user-profile';
import { formatDateTime } from '../../components/format';
import { db } from '../_server/clients';
import { requireUserPage } from '../_server/session';
import { AddEmailForm } from './add-email-form';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: 'My page' };

export default async function MyPage() {
  const caller = await requireUserPage('/me');
  const profile = await getUserProfile(db(), caller.id);
  return (
    <section className="mx-auto max-w-lg space-y-8">
      <div>
        <h1 className="mb-4 text-2xl font-bold">마이페이지 My page</h1>
        <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-lg border border-zinc-200 bg-white p-6 text-sm shadow-sm">
          <dt className="text-zinc-500">Name</dt>
          <dd data-testid="profile-name">{profile.name ?? '—'}</dd>
          <dt className="text-zinc-500">Email</dt>
          <dd data-testid="profile-email">{profile.email ?? '—'}</dd>
          <dt className="text-zinc-500">Role</dt>
          <dd>{profile.role === 'ADMIN' ? 'Administrator' : 'Customer'}</dd>
          <dt className="text-zinc-500">Signs in with</dt>
          <dd>{[...(profile.hasPassword ? ['password'] : []), ...profile.providers].join(', ')}</dd>
          <dt className="text-zinc-500">Member since</dt>
          <dd>{formatDateTime(profile.createdAt.toISOString())}</dd>
        </dl>
      </div>
      {profile.email === null && (
        <div>
          <h2 className="mb-4 text-lg font-semibold">Add your email</h2>
          <AddEmailForm />
        </div>
      )}
      {profile.hasPassword && (
        <div>
          <h2 className="mb-4 text-lg font-semibold">Change password</h2>
          <ChangePasswordForm />
        </div>
      )}
    </section>
  );
}
