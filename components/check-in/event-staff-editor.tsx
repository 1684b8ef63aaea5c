'use client';
// Assign a registered user to an event's door by email, or take one off (the gateway audits both).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import type { EventStaffMember } from '../../lib/check-in/list-event-staff';

export function EventStaffEditor({ eventId, staff }: { eventId: string; staff: EventStaffMember[] }) {
  const t = useTranslations('checkIn.admin');
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const base = `/api/admin/check-in/events/${eventId}/staff`;

  const send = async (request: Promise<Response>) => {
    const response = await request;
    if (response.ok) {
      router.refresh();
      return true;
    }
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    setNote(t('failed', { reason: body.error?.message ?? String(response.status) }));
    return false;
  };
  const assign = async (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    if (await send(fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) }))) {
      setEmail('');
      setNote(t('assigned'));
    }
  };

  return (
    <div className="mt-2">
      {staff.length === 0 ? (
        <p className="text-sm text-zinc-700">{t('noStaff')}</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="event-staff">
          {staff.map((member) => (
            <li key={member.userId} className="flex items-center gap-3">
              <span>
                {member.name ?? ''} {member.email && <span className="text-zinc-700">&lt;{member.email}&gt;</span>}
              </span>
              <button type="button" className="text-rose-800 underline" onClick={() => void send(fetch(`${base}/${member.userId}`, { method: 'DELETE' }))}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={assign} className="mt-2 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block">{t('email')}</span>
          <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} className="rounded border border-zinc-400 p-1.5" />
        </label>
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-sm font-semibold text-white">
          {t('assign')}
        </button>
      </form>
      {note && (
        <p role="status" className="mt-1 text-sm text-zinc-800">
          {note}
        </p>
      )}
    </div>
  );
}
