import type { SubmissionState, ValueStatus } from '@app/domain';
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
@Check(`"status" IN ('estimate', 'preliminary', 'official')`)
export class SubmissionValue {
  @PrimaryColumn({ type: 'uuid' }) submissionId: string;
  @PrimaryColumn({ type: 'text' }) indicatorCode: string;
  @Column({ type: 'numeric', precision: 24, scale: 6, nullable: true }) numericValue: string | null;
  @Column({ type: 'text', nullable: true }) textValue: string | null;
  @Column({ type: 'numeric', precision: 24, scale: 6, nullable: true }) cumulativeEntered: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** ước / sơ bộ / chính thức as the officer marked it; null: not stated (read as an estimate) */
  @Column({ type: 'text', nullable: true }) status: ValueStatus | null;
  @Column({ type: 'uuid', nullable: true }) updatedBy: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => Submission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submission_id' })
  submission?: Submission;
}

/**
 * A later version of one approved figure (its official or preliminary value, sent by the unit after
 * the period was approved): submitted by the unit's officer, approved by the office. Approval writes
 * it into the submission's values; the row stays as the figure's history (what it replaced, who,
 * when) and the reports that print the figure name it.
 */
@Entity('figure_revisions')
@Index(['submissionId', 'indicatorCode'])
@Index('uq_figure_revisions_pending', ['submissionId', 'indicatorCode'], { unique: true, where: `"state" = 'submitted'` })
@Check(`"state" IN ('submitted', 'approved', 'returned')`)
@Check(`"status" IN ('estimate', 'preliminary', 'official')`)
export class FigureRevision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) submissionId: string;
  @Column({ type: 'text' }) indicatorCode: string;
  @Column({ type: 'numeric', precision: 24, scale: 6, nullable: true }) numericValue: string | null;
  @Column({ type: 'numeric', precision: 24, scale: 6, nullable: true }) cumulativeEntered: string | null;
  @Column({ type: 'text' }) status: ValueStatus;
  /** what the figure was when this version was submitted */
  @Column({ type: 'numeric', precision: 24, scale: 6, nullable: true }) previousValue: string | null;
  @Column({ type: 'text', nullable: true }) previousStatus: ValueStatus | null;
  /** the unit's explanation ("Số liệu chính thức theo thông cáo ngày …") */
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'text', default: 'submitted' }) state: 'submitted' | 'approved' | 'returned';
  @Column({ type: 'uuid' }) submittedBy: string;
  @Column({ type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) returnReason: string | null;
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
