import type { ReminderKind } from '@app/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Period } from './period.entity';
import { Submission } from './submission.entity';

/**
 * Nhắc hạn đã gửi: the effect of a reminder job. Its key (kind, subject, day) is unique, so a job
 * that runs twice, or two workers running the same job, act once.
 */
@Entity('reminders')
@Check(`"kind" IN ('before_deadline', 'on_deadline', 'overdue', 'review_pending', 'review_escalated', 'digest')`)
@Index(['day'])
@Index(['submissionId'])
export class SentReminder {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** `<kind>.<submission or period id>.<day>`, also the job id */
  @Column({ type: 'text', unique: true }) dedupeKey: string;
  @Column({ type: 'text' }) kind: ReminderKind;
  /** the Vietnamese date the reminder is for */
  @Column({ type: 'date' }) day: string;
  @Column({ type: 'uuid' }) periodId: string;
  /** null for the period's daily digest */
  @Column({ type: 'uuid', nullable: true }) submissionId: string | null;
  @Column({ type: 'int' }) recipients: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Period, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: Period;
  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;
}
