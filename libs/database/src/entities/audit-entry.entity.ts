import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only (a trigger refuses UPDATE and DELETE): every value change and every transition. */
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
}
