// The worker API trusts only the gateway: every /v1 call carries the internal bearer token,
// compared in constant time. The user headers the gateway sets are believed only behind it.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors/app-error';
import { parseRole, type Role } from '../../lib/auth/roles';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function createInternalAuth(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? '';
    const presented = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!presented || !timingSafeEqual(digest(presented), expected)) {
      throw new AppError('unauthorized', 'Missing or invalid internal token');
    }
  };
}

export type Caller = { userId: string; role: Role } | null;

/** The signed-in user the gateway vouched for, or null for an anonymous request. */
export function callerOf(request: FastifyRequest): Caller {
  const userId = request.headers['x-user-id'];
  const role = request.headers['x-user-role'];
  if (typeof userId !== 'string' || !userId) return null;
  return { userId, role: parseRole(role) };
}

export function requireCaller(request: FastifyRequest): NonNullable<Caller> {
  const caller = callerOf(request);
  if (!caller) throw new AppError('unauthorized', 'Sign in first');
  return caller;
}

export function requireAdmin(request: FastifyRequest): NonNullable<Caller> {
  const caller = requireCaller(request);
  if (caller.role !== 'ADMIN') throw new AppError('forbidden', 'Administrators only');
  return caller;
}
