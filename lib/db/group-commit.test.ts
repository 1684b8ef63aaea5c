import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './group-commit';

describe('createGroupCommit', () => {
  it('commits the first item at once and groups what arrives while batches are in flight', async () => {
    const batches: number[][] = [];
    const group = createGroupCommit<number, string>({
      maxBatch: 3,
      maxInFlight: 1,
      commit: async (batch) => {
        batches.push(batch);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return batch.map((n) => `done ${n}`);
      },
    });
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => group.submit(n)));
    expect(results).toEqual(['done 1', 'done 2', 'done 3', 'done 4', 'done 5', 'done 6']);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('rejects only the items of a batch that failed, and goes on with the next', async () => {
    const group = createGroupCommit<number, number>({
      maxBatch: 10,
      maxInFlight: 1,
      commit: async (batch) => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (batch.includes(2)) throw new Error('refused');
        return batch;
      },
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => group.submit(n)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await group.submit(4)).toBe(4);
  });
});
