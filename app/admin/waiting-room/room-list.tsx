'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { formatZoneLabel } from '../../../lib/i18n/format-zone-label';
import { useFormat } from '../../../components/i18n/use-format';
import type { RoomListItem } from '../../../lib/queue/list-rooms';

export function RoomList() {
  const t = useTranslations('admin');
  const format = useFormat();
  const rooms = useQuery({
    queryKey: ['admin-rooms'],
    queryFn: async () => {
      const response = await fetch('/api/admin/waiting-room', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { rooms: RoomListItem[] }).rooms;
    },
    refetchInterval: 15_000,
  });
  if (rooms.isPending) return <p className="text-zinc-600">{t('common.loading')}</p>;
  if (rooms.isError) return <p className="text-red-700">{t('rooms.loadError')}</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b text-zinc-600">
          <th className="py-2">{t('rooms.event')}</th>
          <th>{t('rooms.performance')}</th>
          <th>{t('rooms.opens')}</th>
          <th>{t('rooms.mode')}</th>
        </tr>
      </thead>
      <tbody>
        {rooms.data.map((room) => (
          <tr key={room.performanceId} className="border-b">
            <td className="py-2">
              <Link className="text-rose-700 hover:underline" href={`/admin/waiting-room/${room.performanceId}`}>
                {room.eventTitle}
              </Link>
            </td>
            <td>
              {format.dateTime(room.startsAt, room.timeZone)}
              <span className="block text-xs text-zinc-600" translate="no">
                {formatZoneLabel(room.timeZone, new Date(room.startsAt))}
              </span>
            </td>
            <td>{format.dateTime(room.opensAt, room.timeZone)}</td>
            <td>
              {room.mode ? t(`rooms.modes.${room.mode}`) : t('rooms.defaultMode')}
              {room.paused ? ` · ${t('rooms.paused')}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
