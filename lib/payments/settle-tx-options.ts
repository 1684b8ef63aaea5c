// Transaction options of the payments jobs. A sale's burst sends a webhook and a browser return
// per payment at once: 2,000 settles on a pool of 20 waited longer than Prisma's 2 s default for a
// connection and failed (bench/settle.bench.ts). Waiting is right here; failing only makes
// PortOne retry minutes later.
export const SETTLE_TX = { maxWait: 15_000, timeout: 20_000 };
