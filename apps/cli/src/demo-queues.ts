import { countPendingOutboxEvents } from '@app/database';
import { JOBS, QUEUES, redisOptions } from '@app/queue';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Quá thời gian chờ: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The demo's view of the queues: run a scan now, and wait until the worker has done everything. */
export class DemoQueues {
  private readonly queues: Queue[];

  constructor(redisUrl: string, prefix: string, private readonly db: DataSource) {
    // the reminders queue first: scanNow adds to it
    this.queues = [QUEUES.reminders, QUEUES.notifications, QUEUES.events, QUEUES.consolidation].map(
      (name) => new Queue(name, { connection: redisOptions(redisUrl), prefix }),
    );
  }

  /** Clears what an earlier demo run left under the same prefix. */
  async reset(): Promise<void> {
    for (const q of this.queues) await q.obliterate({ force: true });
  }

  async scanNow(): Promise<void> {
    const job = await this.queues[0].add(JOBS.scan, {}, { jobId: `demo-scan-${randomBytes(6).toString('hex')}`, attempts: 1 });
    await until(async () => ['completed', 'failed'].includes(await job.getState()), 60_000, 'lượt quét nhắc hạn');
  }

  /** Nothing left in the outbox nor in any queue. */
  async settle(): Promise<void> {
    await until(
      async () => {
        if ((await countPendingOutboxEvents(this.db)) > 0) return false;
        for (const q of this.queues) {
          const c = await q.getJobCounts(...BUSY);
          // the job scheduler always keeps its next scan waiting as a delayed job: not work to wait for
          const scheduled = c.delayed > 0 ? (await q.getDelayed()).filter((j) => j.repeatJobKey).length : 0;
          if (BUSY.some((k) => c[k] - (k === 'delayed' ? scheduled : 0) > 0)) return false;
        }
        return true;
      },
      120_000,
      'worker xử lý xong',
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
