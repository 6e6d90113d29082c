import type { SubmissionState } from '@app/domain';
import {
  Check,
  Column,
  JoinColumn,
  ManyToOne,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { FormTemplate } from './form-template.entity';
import { Period } from './period.entity';
import { ReportingUnit } from './reporting-unit.entity';
import { User } from './user.entity';

/** Báo cáo của đơn vị: one unit's form for one period. */
@Entity('submissions')
@Index(['periodId'])
@Check(`"state" IN ('draft', 'submitted', 'returned', 'approved')`)
@Unique(['unitId', 'periodId'])
export class Submission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) unitId: string;
  @Column({ type: 'uuid' }) periodId: string;
  @Column({ type: 'uuid' }) formTemplateId: string;
  @Column({ type: 'text', default: 'draft' }) state: SubmissionState;
  /** optimistic lock: every write names the version it read */
  @VersionColumn({ default: 1 }) version: number;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: ReportingUnit;
  @ManyToOne(() => Period, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: Period;
  @ManyToOne(() => FormTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'form_template_id' })
  formTemplate?: FormTemplate;
}

/**
 * No index beyond the primary key: a second one (for series across units, indicator first) halved
 * the batched save's throughput (migration SeriesIndexOff).
 */
@Entity('submission_values')
export class SubmissionValue {
  @PrimaryColumn({ type: 'uuid' }) submissionId: string;
  @PrimaryColumn({ type: 'text' }) indicatorCode: string;
  @Column({ type: 'numeric', precision: 24, scale: 6, nullable: true }) numericValue: string | null;
  @Column({ type: 'text', nullable: true }) textValue: string | null;
  @Column({ type: 'numeric', precision: 24, scale: 6, nullable: true }) cumulativeEntered: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;
}

export interface IndicatorComment {
  indicatorCode: string;
  text: string;
}

/** Gửi / trả lại / duyệt: the reviewer's decisions and the officer's submissions, in order. */
@Entity('review_actions')
@Index(['submissionId', 'createdAt'])
@Check(`"action" IN ('submit', 'return', 'approve', 'reopen')`)
export class ReviewAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) submissionId: string;
  @Column({ type: 'text' }) action: 'submit' | 'return' | 'approve' | 'reopen';
  @Column({ type: 'uuid' }) actorId: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) comments: IndicatorComment[];
  /** the submission version this action produced */
  @Column({ type: 'int' }) submissionVersion: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;
}
