'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { RoomListItem } from '../../../lib/queue/list-rooms';

export function RoomList() {
  const rooms = useQuery({
    queryKey: ['admin-rooms'],
    queryFn: async () => {
      const response = await fetch('/api/admin/waiting-room', { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return ((await response.json()) as { rooms: RoomListItem[] }).rooms;
    },
    refetchInterval: 15_000,
  });
  if (rooms.isPending) return <p className="text-zinc-600">Loading…</p>;
  if (rooms.isError) return <p className="text-red-700">Could not load the rooms.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b text-zinc-500">
          <th className="py-2">Event</th>
          <th>Performance</th>
          <th>Opens</th>
          <th>Mode</th>
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
            <td>{new Date(room.startsAt).toLocaleString()}</td>
            <td>{new Date(room.opensAt).toLocaleString()}</td>
            <td>
              {room.mode ?? 'SCHEDULED (default)'}
              {room.paused ? ' · paused' : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
