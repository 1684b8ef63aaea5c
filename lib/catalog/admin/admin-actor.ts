// Who made an admin change, for the audit log.
export type AdminActor = { actorId: string | null; requestId?: string | null };
