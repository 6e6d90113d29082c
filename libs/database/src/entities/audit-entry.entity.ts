import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only (a trigger refuses UPDATE and DELETE, and the application's role may not either):
 * every value change, every transition, every sign-off decision. A hash chain computed by the
 * database on insert (`chain_seq`, `prev_hash`, `hash`; `verifyAuditChain` checks it).
 */
@Entity('audit_log')
@Index(['submissionId', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'uuid', nullable: true }) submissionId: string | null;
  @Column({ type: 'text' }) entityType: string;
  @Column({ type: 'text' }) entityId: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @CreateDateColumn({ type: 'timestamptz' }) at: Date;
  /** set by the database (trigger audit_log_chain): the row's place in the chain, the previous row's hash, its own */
  @Column({ type: 'bigint', nullable: true, unique: true }) chainSeq: string | null;
  @Column({ type: 'text', nullable: true }) prevHash: string | null;
  @Column({ type: 'text', nullable: true }) hash: string | null;
}
