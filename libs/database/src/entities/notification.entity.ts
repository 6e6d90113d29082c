import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SentReminder } from './reminder.entity';
import { User } from './user.entity';

/** Hộp thư trong ứng dụng: one message to one user. Written once per (user, source), whatever the retries. */
@Entity('notifications')
@Unique(['userId', 'dedupeKey'])
@Index(['userId', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  /** a reminder kind, or the event that caused it (submission.returned …) */
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text', nullable: true }) link: string | null;
  @Column({ type: 'uuid', nullable: true }) periodId: string | null;
  @Column({ type: 'uuid', nullable: true }) submissionId: string | null;
  @Column({ type: 'uuid', nullable: true }) reminderId: string | null;
  /** a file its e-mail carries (the issued report's PDF, sent to the "Nơi nhận") */
  @Column({ type: 'uuid', nullable: true }) attachmentFileId: string | null;
  /** the reminder key, or `event.<outbox id>` */
  @Column({ type: 'text' }) dedupeKey: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt: Date | null;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @ManyToOne(() => SentReminder, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reminder_id' })
  reminder?: SentReminder;
}

/** The e-mail copy of a notification: its own job, retried on its own; the inbox never waits for it. */
@Entity('email_deliveries')
@Check(`"status" IN ('pending', 'sent', 'failed')`)
@Index('idx_email_deliveries_pending', ['createdAt'], { where: `status = 'pending'` })
export class EmailDelivery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', unique: true }) notificationId: string;
  @Column({ type: 'text' }) toAddress: string;
  @Column({ type: 'text', default: 'pending' }) status: 'pending' | 'sent' | 'failed';
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'text', nullable: true }) lastError: string | null;
  @Column({ type: 'text', nullable: true }) messageId: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;
}
