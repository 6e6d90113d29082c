import type { Pool } from 'pg';
import { SAVE_BATCH_SQL } from './save-batch.sql';

/** One validated save: the submission, the version the client read, and its cells as columns. */
export interface SaveRequest {
  submissionId: string;
  version: number;
  actorId: string;
  codes: string[];
  nums: Array<string | null>;
  texts: Array<string | null>;
  cumSet: boolean[];
  cums: Array<string | null>;
  noteSet: boolean[];
  notes: Array<string | null>;
}

/**
 * The audit "after" of one save, as JSON text: {version, values, notes?, cumulative?}. Figures are
 * written as JSON number literals straight from their decimal strings, so jsonb keeps them exact.
 */
export function auditAfter(r: SaveRequest): string {
  const values: string[] = [];
  const notes: string[] = [];
  const cums: string[] = [];
  for (let k = 0; k < r.codes.length; k++) {
    const key = JSON.stringify(r.codes[k]);
    values.push(`${key}:${r.nums[k] ?? (r.texts[k] === null ? 'null' : JSON.stringify(r.texts[k]))}`);
    if (r.noteSet[k]) notes.push(`${key}:${JSON.stringify(r.notes[k])}`);
    if (r.cumSet[k]) cums.push(`${key}:${r.cums[k] ?? 'null'}`);
  }
  const parts = [`"version":${r.version + 1}`, `"values":{${values.join(',')}}`];
  if (notes.length) parts.push(`"notes":{${notes.join(',')}}`);
  if (cums.length) parts.push(`"cumulative":{${cums.join(',')}}`);
  return `{${parts.join(',')}}`;
}

interface Pending {
  request: SaveRequest;
  resolve: (newVersion: number | null) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;
/** batches in flight at once (one Postgres backend each) */
const MAX_IN_FLIGHT = 2;

/**
 * Group commit for saves. A save that arrives while the connection is idle is written at once; saves
 * that arrive while batches are in flight wait for the next one and are written together. Each
 * save still succeeds or fails on its own (the statement checks each one's version and state).
 * If a batch fails as a whole (a deadlock with another API process, say), its saves are retried
 * one by one, so one save's trouble is never another's.
 */
export class SaveBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(private readonly pool: Pool) {}

  /** Resolves with the new version, or null when the save did not qualify (stale or locked). */
  save(request: SaveRequest): Promise<number | null> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const versions = await this.execute(batch.map((p) => p.request));
      batch.forEach((p, i) => p.resolve(versions.get(i) ?? null));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const p of batch) {
        try {
          const versions = await this.execute([p.request]);
          p.resolve(versions.get(0) ?? null);
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }

  private async execute(requests: SaveRequest[]): Promise<Map<number, number>> {
    const idx: number[] = [];
    const sids: string[] = [];
    const vers: number[] = [];
    const actors: string[] = [];
    const afters: string[] = [];
    const cells = { idx: [] as number[], codes: [] as string[], nums: [] as Array<string | null>, texts: [] as Array<string | null>,
      cumSet: [] as boolean[], cums: [] as Array<string | null>, noteSet: [] as boolean[], notes: [] as Array<string | null> };
    requests.forEach((r, i) => {
      idx.push(i);
      sids.push(r.submissionId);
      vers.push(r.version);
      actors.push(r.actorId);
      afters.push(auditAfter(r));
      for (let k = 0; k < r.codes.length; k++) {
        cells.idx.push(i);
        cells.codes.push(r.codes[k]);
        cells.nums.push(r.nums[k]);
        cells.texts.push(r.texts[k]);
        cells.cumSet.push(r.cumSet[k]);
        cells.cums.push(r.cums[k]);
        cells.noteSet.push(r.noteSet[k]);
        cells.notes.push(r.notes[k]);
      }
    });
    const { rows } = await this.pool.query<{ idx: number; version: number }>({
      name: 'submission-save-batch',
      text: SAVE_BATCH_SQL,
      values: [idx, sids, vers, actors, cells.idx, cells.codes, cells.nums, cells.texts, cells.cumSet, cells.cums, cells.noteSet, cells.notes, afters],
    });
    return new Map(rows.map((r) => [Number(r.idx), Number(r.version)]));
  }
}
