// Group commit ("smart batching"): callers submit one item at a time; whatever arrives while
// earlier batches are being committed goes together into the next transaction. At low load a
// batch is a single item and nothing waits for a timer; under load the fixed cost of a
// transaction (BEGIN/COMMIT round trips, the WAL flush at commit, the pool checkout) is shared
// by the whole batch, which is what lets one hot row set — a sale opening — commit thousands of
// writes per second instead of hundreds.
export type GroupCommit<T, R> = { submit(item: T): Promise<R> };

export function createGroupCommit<T, R>({
  maxBatch,
  maxInFlight,
  commit,
}: {
  maxBatch: number;
  /** Batches committed at once (each holds a pool connection while it runs). */
  maxInFlight: number;
  /** Commits a batch; returns one result per item, in order. A throw rejects every item of the batch. */
  commit: (batch: T[]) => Promise<R[]>;
}): GroupCommit<T, R> {
  const waiting: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = 0;

  function pump() {
    while (inFlight < maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      inFlight += 1;
      commit(batch.map((entry) => entry.item))
        .then(
          (results) => batch.forEach((entry, i) => entry.resolve(results[i]!)),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  }

  return {
    submit(item) {
      return new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        pump();
      });
    },
  };
}
