// POST /api/auth/sign-up — create a customer account (the browser then signs in through Auth.js).
import { NextResponse } from 'next/server';
import { SignUpUserInput, signUpUser } from '../../../../lib/auth/sign-up-user';
import { db } from '../../../_server/clients';
import { gateway } from '../../../_server/gateway';

export const POST = gateway({ access: 'public', rateLimit: 'AUTH', botCheck: true, jsonBody: true }, async ({ body }) => {
  const user = await signUpUser(db(), SignUpUserInput.parse(body));
  return NextResponse.json({ user }, { status: 201 });
});
