import type { AppConfig } from '@app/config';
import { findUnchainedAuditRows, listAuditChain } from '@app/database';
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openDatabase } from './commands';

const GENESIS = '0'.repeat(64);
const PAGE = 5_000;

export type AuditChainVerdict =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; problems: string[] };

/**
 * Walks the audit log in chain order and recomputes every hash here, in Node: each row's hash must be
 * the SHA-256 of the previous row's hash and of its own content, its places must follow one another
 * with no gap (a deleted row), and no row may stand outside the chain. The first problems are listed.
 */
export async function verifyAuditChain(db: DataSource): Promise<AuditChainVerdict> {
  const problems: string[] = [];
  for (const id of await findUnchainedAuditRows(db)) problems.push(`dòng ${id}: không có vị trí trong chuỗi (chain_seq trống)`);
  let prev = GENESIS;
  let expected = 1n;
  let rows = 0;
  for (let after = '0'; ; ) {
    const page = await listAuditChain(db, after, PAGE);
    for (const r of page) {
      rows++;
      if (BigInt(r.chainSeq) !== expected) problems.push(`vị trí ${expected}: thiếu dòng (dòng tiếp theo ở vị trí ${r.chainSeq})`);
      if (r.prevHash !== prev) problems.push(`dòng ${r.id} (vị trí ${r.chainSeq}): prev_hash không phải hash của dòng trước`);
      const hash = createHash('sha256').update(prev + r.payload, 'utf8').digest('hex');
      if (r.hash !== hash) problems.push(`dòng ${r.id} (vị trí ${r.chainSeq}): nội dung hoặc hash đã bị sửa`);
      prev = r.hash ?? hash;
      expected = BigInt(r.chainSeq) + 1n;
      if (problems.length >= 20) return { ok: false, rows, problems };
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].chainSeq;
  }
  return problems.length ? { ok: false, rows, problems } : { ok: true, rows, head: prev };
}

/** `audit-verify`: exit 0 with the chain's length and last hash (worth writing down elsewhere), 1 with what is wrong. */
export async function runAuditVerify(config: AppConfig): Promise<void> {
  const { ds, pg } = await openDatabase(config, () => undefined);
  try {
    const verdict = await verifyAuditChain(ds);
    if (verdict.ok) {
      console.log(`Nhật ký kiểm toán nguyên vẹn: ${verdict.rows} dòng, hash cuối ${verdict.head} (audit chain intact).`);
    } else {
      console.error(`Nhật ký kiểm toán KHÔNG nguyên vẹn (audit chain broken), ${verdict.rows} dòng đã đọc:\n${verdict.problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await ds.destroy();
    await pg.stop();
  }
}
