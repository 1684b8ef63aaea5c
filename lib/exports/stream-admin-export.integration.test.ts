// The admin CSV exports through the gateway and the worker API, against this file's own
// database: what a Korean day contains, how Excel will read it, and that 100,000 rows flow
// through in a bounded amount of memory.
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture, type PerformanceFixture } from '../../test/support/performance-fixture';
import { signedInBrowser, startTestWeb, type Browser, type TestWeb } from '../../test/support/test-web';

let web: TestWeb;
let boss: Browser;
let exportRoute: typeof import('../../app/api/admin/exports/[kind]/route');
let show: PerformanceFixture;
let adminId: string;

// 2026-12-01 in Korea (UTC+9) is [2026-11-30T15:00Z, 2026-12-01T15:00Z).
const JUST_BEFORE = new Date('2026-11-30T14:59:59.999Z');
const FIRST_INSTANT = new Date('2026-11-30T15:00:00.000Z');
const LAST_INSTANT = new Date('2026-12-01T14:59:59.999Z');
const JUST_AFTER = new Date('2026-12-01T15:00:00.000Z');
const DAY = 'from=2026-12-01&until=2026-12-01';

beforeAll(async () => {
  web = await startTestWeb();
  exportRoute = await import('../../app/api/admin/exports/[kind]/route');
  const db = web.database.db;
  adminId = (await db.user.create({ data: { email: 'exports-admin@openseat.test', role: 'ADMIN' } })).id;
  boss = await signedInBrowser(web, { id: adminId }, 'ADMIN');
  show = await createPerformanceFixture(db, { rows: 1, seatsPerRow: 8 });
  // An organiser typed a formula into the title, and a fan signed up with one as an address.
  await db.event.update({ where: { id: show.eventId }, data: { title: '=HYPERLINK("http://evil.example","공연, 2부")' } });
});
afterAll(async () => {
  await web?.stop();
});

/** RFC 4180 records back out of the text (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field, 'text after the last CRLF').toBe('');
  return records;
}

async function download(kind: string, query: string, locale = 'ko') {
  const response = await boss.call(exportRoute.GET, 'GET', `/api/admin/exports/${kind}?${query}`, { params: { kind }, headers: { 'accept-language': locale } });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('an export of one Korean day', () => {
  it('holds exactly that day\'s payments, times in Korea time named in the header, with a BOM, CRLF records and formulas defused', async () => {
    const db = web.database.db;
    const fan = await db.user.create({ data: { email: '=cmd|calc@fans.test', name: '김민지' } });
    const times = { before: JUST_BEFORE, first: FIRST_INSTANT, last: LAST_INSTANT, after: JUST_AFTER };
    for (const [name, createdAt] of Object.entries(times)) {
      const reservation = await db.reservation.create({ data: { userId: fan.id, performanceId: show.performanceId, status: 'CONFIRMED', totalKrw: 120_000, bookingFeeKrw: 2_000, paymentDeadline: createdAt, createdAt, confirmedAt: createdAt } });
      await db.payment.create({ data: { portonePaymentId: `day-${name}`, userId: fan.id, purpose: 'RESERVATION', reservationId: reservation.id, amountKrw: 122_000, ticketsKrw: 120_000, bookingFeeKrw: 2_000, status: 'PAID', method: 'CARD', createdAt, paidAt: createdAt } });
    }

    const { response, bytes } = await download('payments', DAY);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="openseat-payments-20261201-20261201.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      '결제 생성 시각 (Asia/Seoul)', '결제 완료 시각 (Asia/Seoul)', 'PortOne 결제 ID', '상태', '결제수단', '금액(원)', '티켓 금액(원)', '예매수수료(원)', '취소액(원)', '결제자 이메일', '예매 번호', '공연',
    ]);
    expect(rows.map((r) => [r[0], r[2], r[5], r[9], r[11]])).toEqual([
      ['2026-12-01 00:00:00', 'day-first', '122000', "'=cmd|calc@fans.test", '\'=HYPERLINK("http://evil.example","공연, 2부")'],
      ['2026-12-01 23:59:59', 'day-last', '122000', "'=cmd|calc@fans.test", '\'=HYPERLINK("http://evil.example","공연, 2부")'],
    ]);

    // The sales export reads the same day by confirmation time, in English when asked.
    const sales = parseCsv(new TextDecoder().decode((await download('sales', DAY, 'en')).bytes));
    expect(sales[0]!.slice(0, 3)).toEqual(['Confirmed at (Asia/Seoul)', 'Reservation id', 'Status']);
    expect(sales.slice(1).map((r) => [r[0], r[5], r[6], r[7]])).toEqual([
      ['2026-12-01 00:00:00', '0', '120000', '2000'],
      ['2026-12-01 23:59:59', '0', '120000', '2000'],
    ]);
    expect(await db.adminAuditLog.count({ where: { actorId: adminId, action: 'export.download', entityId: { in: ['payments', 'sales'] } } })).toBe(2);
  });

  it('exports refunds with their reasons intact and check-ins with their seats', async () => {
    const db = web.database.db;
    const fan = await db.user.create({ data: { email: 'jisoo@fans.test' } });
    const payment = await db.payment.create({ data: { portonePaymentId: 'refunded-1', userId: fan.id, purpose: 'RESERVATION', amountKrw: 50_000, status: 'PARTIAL_CANCELLED', createdAt: FIRST_INSTANT } });
    await db.refund.create({ data: { paymentId: payment.id, amountKrw: 20_000, feeKrw: 3_000, reason: 'Seat broken,\n"moved" to row 2', reservationItemIds: [], status: 'SUCCEEDED', initiator: 'ADMIN', cancellableKrw: 50_000, createdAt: LAST_INSTANT, completedAt: JUST_AFTER } });
    const refunds = parseCsv(new TextDecoder().decode((await download('refunds', DAY)).bytes));
    expect(refunds.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7], r[9]])).toEqual([
      ['2026-12-01 23:59:59', '2026-12-02 00:00:00', 'refunded-1', 'SUCCEEDED', 'ADMIN', '20000', '3000', 'Seat broken,\n"moved" to row 2'],
    ]);

    const reservation = await db.reservation.create({
      data: { userId: fan.id, performanceId: show.performanceId, status: 'CONFIRMED', totalKrw: 100_000, paymentDeadline: FIRST_INSTANT, items: { create: { performanceId: show.performanceId, seatId: show.seatIds[0]![3]!, grade: 'R', priceKrw: 100_000 } } },
      include: { items: true },
    });
    const ticket = await db.ticket.create({ data: { reservationItemId: reservation.items[0]!.id, performanceId: show.performanceId, seatId: show.seatIds[0]![3]!, ownerId: fan.id, code: randomBytes(8).toString('hex'), status: 'USED' } });
    await db.checkIn.create({ data: { ticketId: ticket.id, performanceId: show.performanceId, gate: 'Gate 3', deviceId: 'scanner-7', staffId: adminId, scannedAt: new Date('2026-12-01T10:30:00Z'), offline: true } });
    const checkIns = parseCsv(new TextDecoder().decode((await download('check-ins', DAY)).bytes));
    expect(checkIns[0]![0]).toBe('스캔 시각 (Asia/Seoul)');
    expect(checkIns.slice(1).map((r) => [r[0], r[2], r[5], r[6], r[7], r[8], r[9], r[10]])).toEqual([
      ['2026-12-01 19:30:00', ticket.id, 'A 1열 4번', 'R', 'Gate 3', 'scanner-7', 'exports-admin@openseat.test', 'Y'],
    ]);
  });

  it('refuses an unknown kind, a backwards range and a range past a year, naming the field', async () => {
    const kind = await download('tickets', DAY);
    expect(kind.response.status).toBe(400);
    expect(JSON.parse(new TextDecoder().decode(kind.bytes))).toMatchObject({ error: { field: 'kind' } });
    for (const query of ['from=2026-12-02&until=2026-12-01', 'from=2025-01-01&until=2026-12-01', 'from=2026-12-01']) {
      const refused = await download('payments', query);
      expect(refused.response.status, query).toBe(400);
      expect(JSON.parse(new TextDecoder().decode(refused.bytes)).error.field, query).toBe('until');
    }
  });
});

describe('an export of 100,000 payments', () => {
  const ROWS = 100_000;
  /**
   * What the export may keep alive at any moment (heap + array buffers after a full collection).
   * A batch is 1,000 rows: ~120 KB of CSV and ~2 MB of row objects (holding all 100,000 rows
   * measured ~218 MB, ~2.2 KB a row); a chunk or two wait in the socket and undici's queue.
   * Streaming measured 0.6–2.9 MB alive here. 8 MB is a few batches of slack, yet below the
   * ~12 MB file itself and 1/27 of holding the rows: an export that kept either cannot pass.
   */
  const BOUND_BYTES = 8 * 1024 * 1024;

  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const live = () => {
    gc();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };

  it('streams through the gateway in a bounded amount of memory, every row once, in order, with the right amounts', async () => {
    const db = web.database.db;
    // A long address: ~120 bytes a row makes the file (~12 MB) larger than the bound.
    const payer = await db.user.create({ data: { email: 'bulk-payer-with-a-rather-long-address-for-exports@fans.test' } });
    // Spread over the Korean day 2026-12-03 (no other test's rows), 0.8 s apart, amounts 1,000 + (n mod 97) won.
    await db.$executeRaw`
      INSERT INTO payment.payments (id, portone_payment_id, user_id, purpose, amount_krw, tickets_krw, booking_fee_krw, status, method, created_at, updated_at)
      SELECT gen_random_uuid(), 'bulk-' || lpad(n::text, 6, '0'), ${payer.id}::uuid, 'RESERVATION', 1000 + n % 97, 1000 + n % 97, 0, 'PAID', 'CARD',
             timestamptz '2026-12-02 15:00:00Z' + (n * interval '800 milliseconds'), now()
        FROM generate_series(0, ${ROWS - 1}) AS n`;
    // As autovacuum would have by now on a live table: without statistics the planner sorts the
    // whole table for every batch instead of walking the (created_at, id) index (~200 ms a batch).
    await db.$executeRaw`ANALYZE payment.payments`;
    const expectedTotal = Array.from({ length: ROWS }, (_, n) => 1000 + (n % 97)).reduce((a, b) => a + b, 0);

    // One export first, so that loading the route, the catalogs and the formatters (~17 MB, once
    // per process) is not counted as the stream's.
    expect((await download('payments', 'from=2026-11-01&until=2026-11-01')).response.status).toBe(200);
    const baseline = live();
    let peak = 0;
    const response = await boss.call(exportRoute.GET, 'GET', '/api/admin/exports/payments?from=2026-12-03&until=2026-12-03', { params: { kind: 'payments' } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
    let carry = '';
    let lines = 0;
    let bytes = 0;
    let total = 0;
    let chunks = 0;
    let previous = -1;
    let outOfOrder = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      const text = carry + decoder.decode(value, { stream: true });
      const records = text.split('\r\n');
      carry = records.pop()!;
      for (const record of records) {
        lines++;
        if (lines === 1) continue; // the header
        const cells = record.split(',');
        const n = Number(cells[2]!.slice('bulk-'.length));
        if (n !== previous + 1) outOfOrder++;
        previous = n;
        total += Number(cells[5]);
      }
      // Every 25 chunks, what is still alive after a full collection.
      if (++chunks % 25 === 0) peak = Math.max(peak, live() - baseline);
    }
    peak = Math.max(peak, live() - baseline);

    expect(carry).toBe('');
    expect(lines).toBe(ROWS + 1);
    expect(outOfOrder).toBe(0);
    expect(previous).toBe(ROWS - 1);
    expect(total).toBe(expectedTotal);
    expect(chunks).toBeGreaterThan(50); // it arrived as a stream, not as one body
    expect(bytes).toBeGreaterThan(BOUND_BYTES);
    expect(peak, `${(peak / 1048576).toFixed(1)} MB alive during the stream`).toBeLessThan(BOUND_BYTES);

    // The bound separates streaming from holding: the same rows held at once cost far more.
    const before = live();
    const held = await db.payment.findMany({ where: { userId: payer.id }, include: { user: { select: { email: true } } } });
    const holding = live() - before;
    expect(held).toHaveLength(ROWS);
    expect(holding).toBeGreaterThan(3 * BOUND_BYTES);
  }, 180_000);
});
