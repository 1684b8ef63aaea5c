// `npm run bench:open -- [--fans N] [--faults] [--abuse] …`: the simulation's settings, parsed once.
import { parseArgs } from 'node:util';
import { z } from 'zod';

const share = z.coerce.number().min(0).max(1);

const Options = z
  .object({
    fans: z.coerce.number().int().min(10).max(100_000).default(20_000),
    faults: z.boolean().default(false),
    abuse: z.boolean().default(false),
    /**
     * Admissions per minute; default: every fan within about two minutes of the opening (at least
     * 600), but no more than 900: what the sale's web instance serves on a 2-core machine beside
     * the waiting room (about 70 requests a second, some 7 per buyer). At 1,800 the fans let in
     * waited on the server instead of in the queue: hold p50 80 s.
     */
    admitPerMinute: z.coerce.number().int().min(60).optional(),
    /** Pre-queue: this long before the opening, this share of fans; spike right after it; the rest over the tail. */
    preQueueSeconds: z.coerce.number().min(0).default(30),
    preQueueShare: share.default(0.35),
    spikeSeconds: z.coerce.number().min(1).default(10),
    spikeShare: share.default(0.5),
    tailSeconds: z.coerce.number().min(1).default(60),
    bestAvailableShare: share.default(0.4),
    declineShare: share.default(0.05),
    abandonShare: share.default(0.05),
    lateShare: share.default(0.03),
    cancelShare: share.default(0.04),
    /**
     * Seat hold and payment deadline: shorter than production's 420 s, so abandoned seats come back
     * during the run. Not much shorter: at 60 s, with 10,000 fans let in a minute, an overloaded
     * 2-core machine let every hold run out before the fan's reservation got through.
     */
    holdSeconds: z.coerce.number().int().min(30).default(90),
    /** A payment PortOne never told us about is looked up after this long. */
    reconcileAfterSeconds: z.coerce.number().int().min(5).default(15),
    /**
     * Hard bound of the sale phase (fans stop where they are), and of the wait for the invariants
     * to settle. Requests in flight at the bound still finish (at 20,000 fans, about a minute more),
     * so 360 s keeps a default run under ten minutes on a 2-core machine.
     */
    maxSaleSeconds: z.coerce.number().int().min(30).default(360),
    settleSeconds: z.coerce.number().int().min(10).default(120),
    ceilingSeconds: z.coerce.number().min(1).default(4),
    /**
     * `next start` processes: the first serves the waiting room's routes, the others the sale's
     * (one Node process uses one core; Vercel scales each route's function on its own).
     */
    webInstances: z.coerce.number().int().min(1).max(8).default(2),
    seed: z.coerce.number().int().default(20_261_202),
    portBase: z.coerce.number().int().min(1024).max(65_000).default(5100),
    out: z.string().default('bench/results/open-day.json'),
    /** Every fan's result, one JSON line each (for digging into a broken invariant). */
    fanLog: z.string().optional(),
  })
  .strict();

export type SimOptions = z.infer<typeof Options> & { admitPerMinute: number };

export function parseSimOptions(argv: string[]): SimOptions {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      Object.keys(Options.shape).map((name) => [name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), { type: name === 'faults' || name === 'abuse' ? 'boolean' : 'string' }]),
    ) as Record<string, { type: 'string' | 'boolean' }>,
    strict: true,
  });
  const camel = Object.fromEntries(Object.entries(values).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
  const parsed = Options.parse(camel);
  return { ...parsed, admitPerMinute: parsed.admitPerMinute ?? Math.min(900, Math.max(600, Math.ceil(parsed.fans / 2 / 100) * 100)) };
}
