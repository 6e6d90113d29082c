import { GroupCommit, saveValuesBatch, ValuesSaveRequest } from '@app/database';
import type { DataSource } from 'typeorm';

export type SaveRequest = ValuesSaveRequest;

/**
 * Group commit for saves (see GroupCommit): concurrent saves share one statement, one plan and one
 * commit; each still succeeds or fails on its own (the statement checks each one's version and state).
 */
export class SaveBatcher {
  private readonly group: GroupCommit<SaveRequest, number | null>;

  /** maxInFlight: batches written at once (one Postgres backend each); maxBatch: saves per statement */
  constructor(private readonly db: DataSource, options: { maxInFlight: number; maxBatch: number }) {
    this.group = new GroupCommit((requests) => saveValuesBatch(this.db, requests), options);
  }

  /** Resolves with the new version, or null when the save did not qualify (stale or locked). */
  save(request: SaveRequest): Promise<number | null> {
    return this.group.submit(request);
  }
}
