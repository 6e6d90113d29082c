/**
 * Group commit: an item that arrives while the database is idle is written at once; items that
 * arrive while batches are in flight wait and are written together by the next batch (one
 * statement, one commit). Each item still gets its own answer from `execute`, which returns one
 * result per item, in order. If a batch fails as a whole (a deadlock with another process, say),
 * its items are retried one by one, so one item's trouble is never another's.
 */
export class GroupCommit<T, R> {
  private queue: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private inFlight = 0;

  constructor(
    private readonly execute: (items: T[]) => Promise<R[]>,
    private readonly options: { maxBatch?: number; maxInFlight?: number } = {},
  ) {}

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    const maxInFlight = this.options.maxInFlight ?? 2;
    while (this.inFlight < maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch ?? 200);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async run(batch: GroupCommit<T, R>['queue']): Promise<void> {
    try {
      const results = await this.execute(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const p of batch) {
        try {
          p.resolve((await this.execute([p.item]))[0]);
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }
}
