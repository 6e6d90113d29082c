import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes an idle arrival at once and groups the ones that wait', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, number>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((i) => i * 10);
    }, { maxInFlight: 1 });
    const results = await Promise.all([1, 2, 3, 4].map((i) => group.submit(i)));
    expect(results).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('retries a failed batch one by one, so one bad item fails alone', async () => {
    const group = new GroupCommit<number, number>(async (items) => {
      if (items.includes(3)) throw new Error(`bad ${items.join(',')}`);
      return items;
    }, { maxInFlight: 1 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => group.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason.message).toBe('bad 3');
  });
});
