// The simulated opening at a tiny size, end to end: the platform started as production runs it
// (a process per worker role, `next start`, Kafka's mock cluster, the PortOne stand-in), 200 fans
// through the waiting room to paid seats, some declining, abandoning, paying late or cancelling.
// It builds the web app first when the build is stale, as `npm start` would (the Playwright run
// after it then finds the build fresh and skips its own).
import { describe, expect, it } from 'vitest';
import { runOpenDay } from './main';
import { parseSimOptions } from './options';

describe('a ticket opening, simulated', () => {
  it('sells seats without overselling, double-booking, money without seats or queue jumps', async () => {
    const options = parseSimOptions([
      '--fans', '200',
      '--pre-queue-seconds', '8',
      '--spike-seconds', '5',
      '--tail-seconds', '15',
      '--admit-per-minute', '1200',
      // Abandoned seats come back, and late payers pay after it, within the test's two minutes.
      '--hold-seconds', '30',
      '--max-sale-seconds', '150',
      '--settle-seconds', '90',
      '--ceiling-seconds', '1',
      // Clear of the e2e ports (3000, 4000) and of a developer's own `npm run bench:open` (5100…).
      '--port-base', '5150',
    ]);
    const { report } = await runOpenDay(options);

    expect(report.invariants).toMatchObject({ oversold: 0, seatsInTwoLiveReservations: 0, paidButNotConfirmed: 0, confirmedButNotPaid: 0, queueOrderInversions: 0 });
    expect(report.sale.seatsSold).toBeGreaterThan(0);
    expect(report.sale.outcomes.confirmed).toBeGreaterThan(0);
    expect(report.queue.inversions.ranked).toBeGreaterThan(100);
  }, 900_000);
});
