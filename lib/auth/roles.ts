// The roles a user can hold. STAFF works the door of the events an admin assigned them to.
export const ROLES = ['USER', 'STAFF', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** A role read from a token or a header; anything unknown is the least privileged. */
export function parseRole(value: unknown): Role {
  return (ROLES as readonly unknown[]).includes(value) ? (value as Role) : 'USER';
}
