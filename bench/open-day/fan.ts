// One simulated fan, doing what the site's pages do: join the waiting room, poll its status at
// the page's own intervals (and give up when the room says every seat is taken, unless near the
// front), pick or auto-assign 1-4 seats when admitted, reserve, pay in the
// PortOne stand-in's window (or decline, walk away, pay too late, or cancel) and watch the
// booking get confirmed. Every step goes through the Next server, as a browser's would.
import { randomUUID } from 'node:crypto';
import type { HoldableSeat } from '../../lib/holds/load-performance-seats';
import { seatStateAt } from '../../lib/seat-map/encode-seat-states';
import type { FanPlan } from './arrivals';
import { CookieJar, type Answer, type HttpClient } from './http-client';
import { SESSION_COOKIE, type Sale, type SimUser } from './seed-sale';

export type FanOutcome =
  | 'confirmed'
  | 'paid-unconfirmed'
  | 'declined'
  | 'abandoned'
  | 'late'
  | 'cancelled'
  /** The hold ran out before the fan got to pay (a slow server makes this one grow). */
  | 'expired-before-paying'
  | 'sold-out'
  /** Told in the waiting room that every seat was taken, and gave up (see FULL_ROOM_PATIENCE). */
  | 'left-full-room'
  | 'not-admitted'
  | 'failed';

export type FanResult = {
  index: number;
  userId: string;
  outcome: FanOutcome;
  /** The last join's place: seq, and whether it was drawn in the pre-queue. */
  seq: number | null;
  preQueue: boolean;
  /** The admission's session deadline: equal for one admission tick, so it orders admissions. */
  admittedUntil: number | null;
  joins: number;
  /** When the last join that set `seq` was sent and answered (epoch ms): a Redis restart starts a new queue. */
  joinedBetween: [number, number] | null;
  seats: number[];
  reservationId: string | null;
  paymentId: string | null;
  /** Answers that were 5xx or none at all (what the fan calls an error). */
  errors: number;
  failure?: string;
};

export type SaleWorld = {
  /** The web instances this fan's browser reaches: the waiting room's routes, and the sale's. */
  web: { queue: HttpClient; sale: HttpClient };
  portone: HttpClient;
  sale: Sale;
  holdSeconds: number;
  deadlineMs: number;
  /** Fan i's manual pick starts at this ordinal: drawn from the plan's seed, crowding the front. */
  frontBias: (random: number) => number;
};

/** What the join and status routes answer, as far as a fan reads it. */
type RoomStatus = { state: string; position?: number | null; ahead?: number | null; allTaken?: boolean; pollAfterMs?: number; admittedUntil?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** The waiting-room page's poll interval (app/queue/[performanceId]/waiting-room.tsx): the server's, jitter included. */
function pollInterval(status: RoomStatus | undefined): number {
  if (!status || status.state !== 'waiting' || status.pollAfterMs === undefined) return 3_000;
  return Math.round(status.pollAfterMs * (0.75 + Math.random() * 0.5));
}

/**
 * A fan told that every seat is taken gives up at once unless near the front: seats left unpaid
 * come back to the head of the line, so the first hundred wait up to a minute and a half for them.
 */
const FULL_ROOM_PATIENCE = { nearFront: 100, waitMs: 90_000 };

class FanFailure extends Error {}

export class Fan {
  private readonly jar = new CookieJar();
  readonly result: FanResult;
  private readonly performanceId: string;

  constructor(
    private readonly plan: FanPlan,
    user: SimUser,
    private readonly world: SaleWorld,
  ) {
    this.jar.set(SESSION_COOKIE, user.cookie);
    this.performanceId = world.sale.performanceId;
    this.result = { index: plan.index, userId: user.id, outcome: 'not-admitted', seq: null, preQueue: false, admittedUntil: null, joins: 0, joinedBetween: null, seats: [], reservationId: null, paymentId: null, errors: 0 };
  }

  private get timeLeft() {
    return this.world.deadlineMs - Date.now();
  }

  private async call(endpoint: string, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const web = path.startsWith('/api/queue/') ? this.world.web.queue : this.world.web.sale;
    const answer = await web.request(endpoint, {
      method,
      path,
      body,
      headers: { cookie: this.jar.header(), 'x-forwarded-for': this.plan.ip, 'accept-language': 'en', ...(method === 'POST' ? { origin: web.origin } : {}), ...headers },
    });
    this.jar.take(answer.headers);
    if (answer.status === 0 || answer.status >= 500) this.result.errors++;
    return answer;
  }

  /** Retries what a browser retries (a 5xx, no answer, a 429 after its Retry-After) a few times. */
  private async callRetrying(endpoint: string, method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer> {
    let answer: Answer | undefined;
    for (let attempt = 0; attempt < 6 && this.timeLeft > 0; attempt++) {
      answer = await this.call(endpoint, method, path, body, headers);
      if (answer.status !== 0 && answer.status < 500 && answer.status !== 429) return answer;
      await sleep(answer.status === 429 ? 6_000 : 1_000 * 2 ** Math.min(attempt, 3));
    }
    if (!answer) throw new FanFailure(`${endpoint}: out of time`);
    return answer;
  }

  async run(): Promise<FanResult> {
    try {
      await this.waitInRoom();
      if (this.result.admittedUntil === null) return this.result;
      await this.buy();
    } catch (error) {
      this.result.outcome = 'failed';
      this.result.failure = error instanceof Error ? error.message : String(error);
    }
    return this.result;
  }

  private async join(): Promise<RoomStatus> {
    const sentAt = Date.now();
    const answer = await this.callRetrying('POST /api/queue/:id/join', 'POST', `/api/queue/${this.performanceId}/join`);
    if (answer.status !== 200 && answer.status !== 201) throw new FanFailure(`join answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
    const body = answer.json<{ seq: number; preQueue: boolean; status: RoomStatus }>();
    this.result.joins++;
    // Already admitted answers seq -1: a retried join whose first answer was lost, so which place
    // was admitted is unknown (it may be one the fan never saw). Such a fan is not ranked.
    this.result.seq = body.seq >= 0 ? body.seq : null;
    this.result.preQueue = body.seq >= 0 && body.preQueue;
    this.result.joinedBetween = [sentAt, Date.now()];
    return body.status;
  }

  private async waitInRoom() {
    let status = await this.join();
    let fullSince: number | null = null;
    while (status.state !== 'admitted') {
      if (this.timeLeft <= 0) return;
      if (status.state === 'waiting' && status.allTaken) {
        fullSince ??= Date.now();
        if ((status.ahead ?? Number.POSITIVE_INFINITY) >= FULL_ROOM_PATIENCE.nearFront || Date.now() - fullSince > FULL_ROOM_PATIENCE.waitMs) {
          this.result.outcome = 'left-full-room';
          return;
        }
      } else fullSince = null;
      await sleep(Math.min(pollInterval(status), this.timeLeft));
      const answer = await this.call('GET /api/queue/:id/status', 'GET', `/api/queue/${this.performanceId}/status`);
      if (answer.status !== 200) continue; // the page keeps its last status and polls again
      status = answer.json();
      // The page joins again when its place is gone (a Redis restart, an idle expiry).
      if (status.state === 'none' || status.state === 'expired') status = await this.join();
    }
    this.result.admittedUntil = status.admittedUntil ?? null;
  }

  private async availability(): Promise<Uint8Array | null> {
    const answer = await this.callRetrying('GET /api/catalog/performances/:id/availability', 'GET', `/api/catalog/performances/${this.performanceId}/availability?format=binary`);
    return answer.status === 200 ? new Uint8Array(answer.body) : null;
  }

  /** k free seats side by side in one row, from a front-weighted start (scanning onwards, wrapping). */
  private pickSeats(states: Uint8Array, count: number): number[] | null {
    const seats = this.world.sale.seats;
    const start = this.world.frontBias(Math.random());
    for (let step = 0; step < seats.length; step++) {
      const first = (start + step) % seats.length;
      const run: HoldableSeat[] = [];
      for (let k = 0; k < count && first + k < seats.length; k++) {
        const seat = seats[first + k]!;
        if (seatStateAt(states, seat.ordinal) !== 0 || seat.section !== seats[first]!.section || seat.rowIndex !== seats[first]!.rowIndex) break;
        run.push(seat);
      }
      if (run.length === count) return run.map((s) => s.ordinal);
    }
    return null;
  }

  private async hold(): Promise<number[] | null> {
    const count = this.plan.seatCount;
    if (this.plan.picking === 'best-available') {
      const grades = this.world.sale.grades;
      for (const grade of [...grades.slice(grades.indexOf(this.plan.grade)), ...grades.slice(0, grades.indexOf(this.plan.grade))].slice(0, 3)) {
        const answer = await this.callRetrying('POST /api/performances/:id/holds/best-available', 'POST', `/api/performances/${this.performanceId}/holds/best-available`, { grade, count });
        if (answer.status === 201) return answer.json<{ hold: { seats: Array<{ ordinal: number }> } }>().hold.seats.map((s) => s.ordinal);
        if (answer.status !== 409) throw new FanFailure(`best-available answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
      }
      return null;
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const states = await this.availability();
      if (!states) continue;
      const seats = this.pickSeats(states, count) ?? (count > 1 ? this.pickSeats(states, 1) : null);
      if (!seats) return null;
      const answer = await this.callRetrying('POST /api/performances/:id/holds', 'POST', `/api/performances/${this.performanceId}/holds`, { seats });
      if (answer.status === 201) return seats;
      if (answer.status !== 409) throw new FanFailure(`hold answered ${answer.status}: ${answer.body.toString().slice(0, 200)}`);
    }
    return null;
  }

  private async buy() {
    const seats = await this.hold();
    if (!seats) {
      this.result.outcome = 'sold-out';
      return;
    }
    this.result.seats = seats;
    const idempotencyKey = randomUUID();
    const reserved = await this.callRetrying('POST /api/performances/:id/reservations', 'POST', `/api/performances/${this.performanceId}/reservations`, { seats }, { 'idempotency-key': idempotencyKey });
    if (reserved.status !== 201 && reserved.status !== 200) throw new FanFailure(`reservation answered ${reserved.status}: ${reserved.body.toString().slice(0, 200)}`);
    const reservationId = reserved.json<{ reservation: { id: string } }>().reservation.id;
    this.result.reservationId = reservationId;
    if (this.plan.cancels) {
      await this.callRetrying('POST /api/reservations/:id/cancel', 'POST', `/api/reservations/${reservationId}/cancel`);
      this.result.outcome = 'cancelled';
      return;
    }
    const checkout = await this.callRetrying('POST /api/reservations/:id/checkout', 'POST', `/api/reservations/${reservationId}/checkout`);
    if (checkout.status === 409 && checkout.body.includes('"not_payable"')) {
      this.result.outcome = 'expired-before-paying';
      return;
    }
    if (checkout.status !== 200) throw new FanFailure(`checkout answered ${checkout.status}: ${checkout.body.toString().slice(0, 200)}`);
    const view = checkout.json<{ checkout: { paymentId: string; standInCheckoutUrl: string | null } }>().checkout;
    this.result.paymentId = view.paymentId;
    if (!view.standInCheckoutUrl) throw new FanFailure('checkout has no stand-in window');
    if (this.plan.pay === 'abandoned') {
      // The window opens and the fan walks away: the reservation expires with its hold.
      await this.openWindow(view.standInCheckoutUrl);
      this.result.outcome = 'abandoned';
      return;
    }
    if (this.plan.pay === 'late') await sleep(Math.min(this.world.holdSeconds * 1000 + 5_000, this.timeLeft));
    const result = await this.payInWindow(view.standInCheckoutUrl, this.plan.pay === 'declined' ? 'declined' : 'paid');
    const completed = await this.callRetrying('POST /api/payments/:id/complete', 'POST', `/api/payments/${encodeURIComponent(view.paymentId)}/complete`, result.txId ? { txId: result.txId } : {});
    if (this.plan.pay === 'declined') {
      await this.callRetrying('POST /api/reservations/:id/cancel', 'POST', `/api/reservations/${reservationId}/cancel`);
      this.result.outcome = 'declined';
      return;
    }
    if (this.plan.pay === 'late') {
      this.result.outcome = 'late';
      return;
    }
    if (completed.status !== 200) throw new FanFailure(`complete answered ${completed.status}: ${completed.body.toString().slice(0, 200)}`);
    this.result.outcome = (await this.watchConfirmation(reservationId)) ? 'confirmed' : 'paid-unconfirmed';
  }

  private windowPath(standInUrl: string): string {
    const url = new URL(standInUrl);
    url.searchParams.set('redirectUrl', `${this.world.web.sale.origin}/payments/complete`);
    return url.pathname + url.search;
  }

  private async openWindow(standInUrl: string) {
    const answer = await this.world.portone.request('GET portone /checkout/:id', { method: 'GET', path: this.windowPath(standInUrl) });
    if (answer.status !== 200) throw new FanFailure(`PortOne window answered ${answer.status}`);
  }

  private async payInWindow(standInUrl: string, outcome: 'paid' | 'declined'): Promise<{ txId?: string }> {
    await this.openWindow(standInUrl);
    const answer = await this.world.portone.request('POST portone /checkout/:id', {
      method: 'POST',
      path: this.windowPath(standInUrl),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ method: 'card', outcome }).toString(),
    });
    const location = answer.headers.location;
    if (answer.status !== 302 && answer.status !== 303) throw new FanFailure(`PortOne window answered ${answer.status}`);
    return { txId: location ? (new URL(location).searchParams.get('txId') ?? undefined) : undefined };
  }

  /** The booking page polls until the ticket is confirmed: after 1, 3 and 7 seconds (BOOKING allows 10 calls a minute). */
  private async watchConfirmation(reservationId: string): Promise<boolean> {
    for (const waitMs of [1_000, 2_000, 4_000]) {
      await sleep(waitMs);
      const answer = await this.call('GET /api/reservations/:id', 'GET', `/api/reservations/${reservationId}`);
      if (answer.status === 200 && answer.json<{ reservation: { status: string } }>().reservation.status === 'CONFIRMED') return true;
    }
    return false;
  }
}
