import type { StoredFigures, ReportContent, ReportState, ReportTemplate as ReportTemplateBody, RevisionState } from '@app/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Period } from './period.entity';

/** Mẫu báo cáo tổng hợp: a versioned report template (outline, sentence patterns), from config/reports. */
@Entity('report_templates')
@Unique(['code', 'version'])
export class ReportTemplateRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) formCode: string;
  @Column({ type: 'jsonb' }) body: ReportTemplateBody;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * Báo cáo tổng hợp: the consolidated report of one period. At most one current (not superseded)
 * report per period; a correction after signing supersedes it and starts a new one.
 */
@Entity('reports')
@Index('uq_reports_current_per_period', ['periodId'], { unique: true, where: `"state" <> 'superseded'` })
@Check(`"state" IN ('drafting', 'awaiting_signature', 'signed', 'superseded')`)
export class Report {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) periodId: string;
  @Column({ type: 'uuid' }) templateId: string;
  @Column({ type: 'text', default: 'drafting' }) state: ReportState;
  /** optimistic lock: every edit names the version it read */
  @VersionColumn({ default: 1 }) version: number;
  @Column({ type: 'uuid', nullable: true }) correctsReportId: string | null;
  /** the revision sent for sign-off, then the one signed */
  @Column({ type: 'int', nullable: true }) sentRevision: number | null;
  @Column({ type: 'text', nullable: true }) documentNumber: string | null;
  @Column({ type: 'date', nullable: true }) documentDate: string | null;
  @Column({ type: 'uuid', nullable: true }) signedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) signedAt: Date | null;
  @Column({ type: 'text', nullable: true }) supersededReason: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => Period, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: Period;
  @ManyToOne(() => ReportTemplateRow, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: ReportTemplateRow;
}

/** Bản dự thảo: one immutable revision of the text. `trigger` makes a consolidation act once. */
@Entity('report_revisions')
@Unique(['reportId', 'number'])
@Unique(['reportId', 'trigger'])
@Check(`"state" IN ('draft', 'sent', 'returned', 'signed', 'superseded')`)
export class ReportRevision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) reportId: string;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'text', default: 'draft' }) state: RevisionState;
  /** what made it: "approved:<submission>:<version>", "request:<id>", "edit:<report version>", "correction:<id>" */
  @Column({ type: 'text' }) trigger: string;
  @Column({ type: 'jsonb' }) content: ReportContent;
  /** packed by consolidation (packFigures); read with unpackFigures */
  @Column({ type: 'jsonb' }) figures: StoredFigures;
  @Column({ type: 'jsonb', default: () => "'[]'" }) missingUnits: string[];
  @Column({ type: 'text', nullable: true }) editedSection: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Report;
}

/** Trình ký / trả lại / ký ban hành / đính chính: the sign-off history, with the signer's comments. */
@Entity('report_actions')
@Index(['reportId', 'createdAt'])
@Check(`"action" IN ('send', 'return', 'sign', 'supersede')`)
export class ReportAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) reportId: string;
  @Column({ type: 'int' }) revisionNumber: number;
  @Column({ type: 'text' }) action: 'send' | 'return' | 'sign' | 'supersede';
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Report;
}

export const REPORT_FILE_FORMATS = ['docx', 'pdf', 'json', 'csv'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];

/**
 * The rendered document of a revision with its SHA-256: DOCX, PDF, and the annex of its figures
 * (JSON, CSV: every printed figure with its code, value, unit and source).
 */
@Entity('report_files')
@Unique(['revisionId', 'format'])
@Check(`"format" IN ('docx', 'pdf', 'json', 'csv')`)
export class ReportFile {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) revisionId: string;
  @Column({ type: 'text' }) format: ReportFileFormat;
  /** "draft" (no number yet) or "issued" (number, date, signer) */
  @Column({ type: 'text' }) renderedAs: 'draft' | 'issued';
  @Column({ type: 'text' }) sha256: string;
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'bytea' }) data: Buffer;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => ReportRevision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: ReportRevision;
}

/** Số văn bản: the per-year sequence of an issuing body's documents of one kind (Decree 30, Art. 15). */
@Entity('document_numbers')
export class DocumentNumber {
  @PrimaryColumn({ type: 'int' }) year: number;
  @PrimaryColumn({ type: 'text' }) suffix: string;
  @Column({ type: 'int' }) last: number;
}
