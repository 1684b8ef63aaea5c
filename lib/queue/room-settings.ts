// A waiting room's settings as the Redis scripts see them (ticket.waiting_room_settings plus the
// performance's opening instant), and the admin's edit of them.
import { z } from 'zod';

export type RoomSettings = {
  performanceId: string;
  mode: 'SCHEDULED' | 'ON' | 'OFF';
  paused: boolean;
  admitPerMinute: number;
  maxActive: number;
  activeSessionSeconds: number;
  idleTimeoutSeconds: number;
  preQueueMinutes: number;
  /** The opening instant: pre-queue joiners are shuffled at it, admission starts at it. */
  opensAt: Date;
};

export const RoomSettingsPatch = z
  .object({
    mode: z.enum(['SCHEDULED', 'ON', 'OFF']),
    paused: z.boolean(),
    admitPerMinute: z.number().int().min(1).max(600_000),
    maxActive: z.number().int().min(1).max(1_000_000),
    activeSessionSeconds: z.number().int().min(30).max(24 * 3600),
    idleTimeoutSeconds: z.number().int().min(10).max(3600),
    preQueueMinutes: z.number().int().min(0).max(24 * 60),
  })
  .partial()
  .strict();
export type RoomSettingsPatch = z.infer<typeof RoomSettingsPatch>;
