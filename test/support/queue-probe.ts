import { INestApplicationContext } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import type { ScanResult } from '../../apps/worker/src/reminders/reminder-scan.service';
import { createWorker } from '../../apps/worker/src/worker.factory';
import type { WorkerSettings } from '../../apps/worker/src/worker-settings';
import { Clock, JOBS, QUEUES, redisOptions } from '../../libs/queue/src';
import { dropQueueKeys } from './redis-keys';
import { waitFor } from './wait';
import { testConfig } from './test-config';

/** A worker (Nest application context, no HTTP) on a test's database and queue prefix. */
export function startWorker(
  target: { databaseUrl: string; redisUrl: string; queuePrefix: string },
  options: { clock?: Clock; settings?: Partial<WorkerSettings> } = {},
): Promise<INestApplicationContext> {
  return createWorker(
    {
      config: testConfig(),
      databaseUrl: target.databaseUrl,
      redisUrl: target.redisUrl,
      queuePrefix: target.queuePrefix,
      clock: options.clock,
      settings: { scanEveryMs: 0, smtpUrl: null, publicUrl: 'https://tonghop.test', ...options.settings },
    },
    false,
  );
}

const BUSY = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/** Looks at a test's queues from the outside, the way an operator would. */
export class QueueProbe {
  readonly reminders: Queue;
  readonly notifications: Queue;
  readonly events: Queue;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    const make = (name: string) => new Queue(name, { connection: redisOptions(redisUrl), prefix });
    this.reminders = make(QUEUES.reminders);
    this.notifications = make(QUEUES.notifications);
    this.events = make(QUEUES.events);
  }

  /** Adds one scan job and waits for it to finish; returns what it found. */
  async scan(timeoutMs = 15_000): Promise<ScanResult> {
    const job = await this.reminders.add(JOBS.scan, {}, { jobId: `test-scan-${randomBytes(6).toString('hex')}`, attempts: 1 });
    const done = await waitFor(
      async () => {
        const state = await job.getState();
        if (state === 'failed') throw new Error(`scan failed: ${(await Job.fromId(this.reminders, job.id!))?.failedReason}`);
        return state === 'completed' ? Job.fromId(this.reminders, job.id!) : null;
      },
      timeoutMs,
      'the scan job',
    );
    return done!.returnvalue as ScanResult;
  }

  /** Waits until no queue has work waiting, running or delayed. */
  async idle(timeoutMs = 15_000, queues: Queue[] = [this.reminders, this.notifications, this.events]): Promise<void> {
    await waitFor(
      async () => {
        for (const q of queues) {
          const counts = await q.getJobCounts(...BUSY);
          if (BUSY.some((k) => counts[k] > 0)) return false;
        }
        return true;
      },
      timeoutMs,
      'idle queues',
    );
  }

  async failedReasons(): Promise<string[]> {
    const out: string[] = [];
    for (const q of [this.reminders, this.notifications, this.events]) {
      for (const j of await q.getFailed()) out.push(`${q.name}/${j.name}: ${j.failedReason}`);
    }
    return out;
  }

  async close(obliterate = true): Promise<void> {
    for (const q of [this.reminders, this.notifications, this.events]) {
      if (obliterate) await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    if (obliterate) await dropQueueKeys(this.redisUrl, this.prefix);
  }
}
