// POST /api/auth/email — an email-less account (a Kakao fan who shared none) adds its address.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { addUserEmail } from '../../../../lib/auth/add-user-email';
import { db } from '../../../_server/clients';
import { gateway } from '../../../_server/gateway';

const Body = z.object({ email: z.string() });

export const POST = gateway({ access: 'user', rateLimit: 'AUTH', jsonBody: true }, async ({ body, caller }) => {
  return NextResponse.json(await addUserEmail(db(), { userId: caller!.id, ...Body.parse(body) }));
});
