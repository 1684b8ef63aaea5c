// POST /api/auth/password — the signed-in user changes their password (current one required).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { changePassword } from '../../../../lib/auth/change-password';
import { db } from '../../../_server/clients';
import { gateway } from '../../../_server/gateway';

const Body = z.object({ currentPassword: z.string(), newPassword: z.string() });

export const POST = gateway({ access: 'user', rateLimit: 'AUTH', jsonBody: true }, async ({ body, caller }) => {
  await changePassword(db(), { userId: caller!.id, ...Body.parse(body) });
  return new NextResponse(null, { status: 204 });
});
