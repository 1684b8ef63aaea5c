// POST /api/auth/password — the signed-in user changes their password (current one required).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { changePassword } from '../../../../lib/auth/change-password';
import { AppError } from '../../../../lib/errors/app-error';
import { db } from '../../../_server/clients';
import { gateway } from '../../../_server/gateway';

const Body = z.object({ currentPassword: z.string(), newPassword: z.string() });

export const POST = gateway({ access: 'user', rateLimit: 'AUTH' }, async ({ request, caller }) => {
  const body: unknown = await request.json().catch(() => {
    throw new AppError('bad_request', 'The body must be JSON');
  });
  await changePassword(db(), { userId: caller!.id, ...Body.parse(body) });
  return new NextResponse(null, { status: 204 });
});
