// What the gateway believes about a signed-in user on each request: their current role and
// whether an admin suspended them. The session JWT carries the role it was signed in with; this
// is read from PostgreSQL (through a short Redis cache) so a role change or a suspension takes
// effect on the user's next request, not when their week-long cookie expires.
import type { Role } from './roles';

export type UserStanding = { role: Role; suspended: boolean };

export const userStandingKey = (userId: string) => `user:standing:${userId}`;

/**
 * Long enough that a fan's burst of requests during a sale costs one PostgreSQL read, short
 * enough that a cache write lost while Redis was down heals within a minute.
 */
export const USER_STANDING_TTL_S = 60;
