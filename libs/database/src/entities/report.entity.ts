import type { PeriodType, StoredFigures, ReportContent, ReportState, ReportTemplate as ReportTemplateBody, RevisionState } from '@app/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Period } from './period.entity';

/** A source submission of a revision: the unit, the submission, and the version that was approved. */
export interface SourceVersion {
  unitCode: string;
  submissionId: string;
  version: number;
}

/** Mẫu báo cáo tổng hợp: a versioned report template (outline, sentence patterns), from config/reports. */
@Entity('report_templates')
@Unique(['code', 'version'])
export class ReportTemplateRow {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) formCode: string;
  /** the period type it reports (month, quarter, …); null: any period of its form */
  @Column({ type: 'text', nullable: true }) periodType: PeriodType | null;
  @Column({ type: 'jsonb' }) body: ReportTemplateBody;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

/**
 * Báo cáo tổng hợp: the consolidated report of one period. Per period at most one report in
 * progress (drafting, awaiting signature, signed) and at most one issued: a correction of an
 * issued report is a new report (`correctsReportId`) worked on while the old one stays in force,
 * until the new one is issued and the old one becomes `replaced`.
 */
@Entity('reports')
@Index('uq_reports_in_progress_per_period', ['periodId'], { unique: true, where: `"state" IN ('drafting', 'awaiting_signature', 'signed')` })
@Index('uq_reports_issued_per_period', ['periodId'], { unique: true, where: `"state" = 'issued'` })
@Check(`"state" IN ('drafting', 'awaiting_signature', 'signed', 'issued', 'superseded', 'replaced')`)
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
  /** phát hành: the records office (clerk) who gave the number and applied the body's signature */
  @Column({ type: 'uuid', nullable: true }) issuedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) issuedAt: Date | null;
  /** why this report replaces the one it corrects (printed in it: "thay thế Báo cáo số …") */
  @Column({ type: 'text', nullable: true }) correctionReason: string | null;
  /** the issued report that replaced this one */
  @Column({ type: 'uuid', nullable: true }) replacedByReportId: string | null;
  /**
   * set when figures it printed changed after it left drafting (an official figure of one of its
   * months approved): what changed; the report stands as signed, the office decides on a correction
   */
  @Column({ type: 'text', nullable: true }) staleReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) staleSince: Date | null;
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
@Check(`"state" IN ('draft', 'sent', 'returned', 'signed', 'issued', 'superseded', 'replaced')`)
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
  /** the submissions it was composed from, each with its version (null: a revision older than the record) */
  @Column({ type: 'jsonb', nullable: true }) sourceVersions: SourceVersion[] | null;
  @Column({ type: 'text', nullable: true }) editedSection: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Report;
}

/**
 * Trình ký / trả lại / ký / phát hành / đính chính / thay thế: the sign-off history, with the
 * signer's comments; `issue` records the SHA-256 of the exact PDF issued.
 */
@Entity('report_actions')
@Index(['reportId', 'createdAt'])
@Check(`"action" IN ('send', 'return', 'sign', 'issue', 'correct', 'supersede', 'replace')`)
export class ReportAction {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) reportId: string;
  @Column({ type: 'int' }) revisionNumber: number;
  @Column({ type: 'text' }) action: 'send' | 'return' | 'sign' | 'issue' | 'correct' | 'supersede' | 'replace';
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  /** issue: the SHA-256 of the issued PDF */
  @Column({ type: 'text', nullable: true }) sha256: string | null;
  /** send, sign: the units missing from the revision that the actor named, accepting to go on without them */
  @Column({ type: 'jsonb', nullable: true }) missingUnitsAccepted: string[] | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Report;
}

export const REPORT_FILE_FORMATS = ['docx', 'pdf', 'json', 'csv'] as const;
export type ReportFileFormat = (typeof REPORT_FILE_FORMATS)[number];
export type ReportFileState = 'ready' | 'awaiting_libreoffice';

/**
 * The rendered document of a revision with its SHA-256: DOCX, PDF, and the annex of its figures
 * (JSON, CSV: every printed figure with its code, value, unit and source). The PDF of a signed
 * revision grows by incremental updates: rendered and signed by the vice-chairman ("signed"), then
 * numbered, dated and signed by the body ("issued"); the issued file begins with the signed one,
 * byte for byte. A PDF the worker could not make because LibreOffice is not installed is a row
 * "awaiting_libreoffice" with no data: the DOCX is made without it, and a worker started with
 * LibreOffice makes it.
 */
@Entity('report_files')
@Unique(['revisionId', 'format'])
@Check(`"format" IN ('docx', 'pdf', 'json', 'csv')`)
@Check(`"state" IN ('ready', 'awaiting_libreoffice')`)
@Check(`"state" <> 'ready' OR ("data" IS NOT NULL AND "sha256" IS NOT NULL AND "size" IS NOT NULL)`)
@Check(`"rendered_as" IN ('draft', 'signed', 'issued')`)
export class ReportFile {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) revisionId: string;
  @Column({ type: 'text' }) format: ReportFileFormat;
  /** "draft", "signed" (the signer's signature, number and date blank) or "issued" (number, date, the body's signature) */
  @Column({ type: 'text' }) renderedAs: 'draft' | 'signed' | 'issued';
  /** where on the PDF's pages the records office writes the number and date and the signatures go (pdf-layout.ts) */
  @Column({ type: 'jsonb', nullable: true }) layout: Record<string, unknown> | null;
  @Column({ type: 'text', default: 'ready' }) state: ReportFileState;
  @Column({ type: 'text', nullable: true }) sha256: string | null;
  @Column({ type: 'int', nullable: true }) size: number | null;
  @Column({ type: 'bytea', nullable: true }) data: Buffer | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => ReportRevision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'revision_id' })
  revision?: ReportRevision;
}

/**
 * The SHA-256 of each signed or issued file, recorded by the database when the file is stored (a
 * trigger on report_files, after checking it is the hash of the bytes) and never changed: what a
 * download is checked against. The application may only read it.
 */
@Entity('report_file_hashes')
@Unique(['revisionId', 'format', 'renderedAs'])
export class ReportFileHash {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) revisionId: string;
  @Column({ type: 'text' }) format: ReportFileFormat;
  @Column({ type: 'text' }) renderedAs: 'signed' | 'issued';
  @Column({ type: 'text' }) sha256: string;
  @CreateDateColumn({ type: 'timestamptz' }) recordedAt: Date;
  @ManyToOne(() => ReportRevision, { onDelete: 'RESTRICT' })
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
