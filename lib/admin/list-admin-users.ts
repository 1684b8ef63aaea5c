// The admin users list: search by email or name, filter by role and by suspension, newest first.
import { z } from 'zod';
import { ROLES, type Role } from '../auth/roles';
import type { Db, Prisma } from '../db/create-prisma';
import { PageQuery, SearchText, type Paged } from './page-query';

export const ListAdminUsersInput = PageQuery.extend({
  q: SearchText,
  role: z.enum(ROLES).optional(),
  state: z.enum(['active', 'suspended']).optional(),
});
export type ListAdminUsersInput = z.input<typeof ListAdminUsersInput>;

export type AdminUserRow = { id: string; email: string | null; name: string | null; role: Role; suspendedAt: string | null; createdAt: string; providers: string[] };

export async function listAdminUsers(db: Db, input: ListAdminUsersInput): Promise<Paged<AdminUserRow>> {
  const { q, role, state, page, pageSize } = ListAdminUsersInput.parse(input);
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] } : {}),
    ...(role ? { role } : {}),
    ...(state ? { suspendedAt: state === 'suspended' ? { not: null } : null } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, email: true, name: true, role: true, suspendedAt: true, createdAt: true, accounts: { select: { provider: true } } },
    }),
    db.user.count({ where }),
  ]);
  return {
    total,
    page,
    pageSize,
    rows: rows.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      suspendedAt: u.suspendedAt?.toISOString() ?? null,
      createdAt: u.createdAt.toISOString(),
      providers: u.accounts.map((a) => a.provider).sort(),
    })),
  };
}
