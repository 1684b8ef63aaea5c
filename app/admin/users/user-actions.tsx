'use client';
// One user's role and suspension, changed through the admin API (audited by the server).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../lib/auth/roles';

async function put(url: string, body: unknown): Promise<string | null> {
  const response = await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.ok) return null;
  const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return error?.error?.message ?? String(response.status);
}

export function UserActions({ user }: { user: { id: string; label: string; role: Role; suspended: boolean } }) {
  const t = useTranslations('adminLists.users');
  const tc = useTranslations('adminLists.common');
  const tr = useTranslations('adminLists.roles');
  const router = useRouter();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function run(url: string, body: unknown) {
    setBusy(true);
    const failed = await put(url, body);
    setBusy(false);
    setMessage(failed ? tc('failed', { message: failed }) : t('saved'));
    router.refresh();
  }

  function changeRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const role = String(new FormData(event.currentTarget).get('role'));
    void run(`/api/admin/users/${user.id}/role`, { role });
  }

  function suspend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (user.suspended) return void run(`/api/admin/users/${user.id}/suspension`, { suspended: false });
    if (!window.confirm(t('suspendConfirm', { user: user.label }))) return;
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    void run(`/api/admin/users/${user.id}/suspension`, { suspended: true, ...(reason ? { reason } : {}) });
  }

  return (
    <div className="space-y-2">
      <form onSubmit={changeRole} className="flex items-center gap-2">
        <label htmlFor={`${ids}-role`} className="sr-only">
          {t('roleFor', { user: user.label })}
        </label>
        <select id={`${ids}-role`} name="role" defaultValue={user.role} className="rounded border border-zinc-400 px-2 py-1">
          {ROLES.map((r) => (
            <option key={r} value={r}>{tr(r)}</option>
          ))}
        </select>
        <button type="submit" disabled={busy} className="rounded border border-zinc-400 px-2 py-1 disabled:opacity-50">
          {t('saveRole')}
        </button>
      </form>
      <form onSubmit={suspend} className="flex items-center gap-2">
        {!user.suspended && (
          <>
            <label htmlFor={`${ids}-reason`} className="sr-only">
              {t('reasonFor', { user: user.label })}
            </label>
            <input id={`${ids}-reason`} name="reason" maxLength={500} placeholder={t('reasonFor', { user: user.label })} className="rounded border border-zinc-400 px-2 py-1" />
          </>
        )}
        <button type="submit" disabled={busy} className={`rounded px-2 py-1 text-white disabled:opacity-50 ${user.suspended ? 'bg-zinc-700' : 'bg-red-700'}`}>
          {user.suspended ? t('unsuspend') : t('suspend')}
        </button>
      </form>
      {message && (
        <p role="status" className="text-xs text-zinc-700">
          {message}
        </p>
      )}
    </div>
  );
}
