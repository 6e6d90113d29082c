import type { Queue } from 'bullmq';

/** What re-driving one job did. */
export type Redriven = 'added' | 'replaced' | 'in-progress';

/**
 * Makes sure the job `jobId` will run (again): added when Redis does not hold it (lost with
 * Redis, or pruned); removed and added afresh, with all its attempts, when it failed after its
 * last attempt or completed over `settledMs` ago while its effect is still missing; left alone
 * while it waits, runs or backs off. Every job acts once however often it runs, so re-driving is
 * always safe; the caller decides that the effect is missing, from Postgres.
 */
export async function redriveJob<T>(queue: Queue<T>, name: string, data: T, jobId: string, settledMs: number): Promise<Redriven> {
  const job = await queue.getJob(jobId);
  if (job) {
    const state = await job.getState();
    const settled = state === 'failed' || (state === 'completed' && (job.finishedOn ?? 0) < Date.now() - settledMs);
    if (!settled) return 'in-progress';
    await job.remove();
  }
  // the queue's default options: the one retry policy
  await (queue as unknown as Queue).add(name, data, { jobId });
  return job ? 'replaced' : 'added';
}
