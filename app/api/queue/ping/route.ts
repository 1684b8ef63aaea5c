// GET /api/queue/ping — a constant answer from the Next server: a cheap probe for the waiting-room tier and the ceiling the queue bench compares the gateway's status route against
import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

export function GET() {
  return NextResponse.json({ state: 'waiting', position: 1 }, { headers: { 'cache-control': 'no-store' } });
}
