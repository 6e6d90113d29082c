import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: an event is written in the same transaction as the change it announces,
 * and relayed to the queue afterwards, so a notification is not lost when Redis is down.
 */
@Entity('outbox_events')
@Index('idx_outbox_pending', ['id'], { where: 'dispatched_at IS NULL' })
@Index('idx_outbox_unhandled', ['dispatchedAt'], { where: 'dispatched_at IS NOT NULL AND handled_at IS NULL' })
@Index('idx_outbox_handled_at', ['handledAt'], { where: 'handled_at IS NOT NULL' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' }) id: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) dispatchedAt: Date | null;
  /** its handlers ran: the event is done (the sweeper re-drives one queued and not handled) */
  @Column({ type: 'timestamptz', nullable: true }) handledAt: Date | null;
}
