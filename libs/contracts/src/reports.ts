import type { FigureSource, ReportContent, ReportTemplate } from '@app/domain';

/** the provenance of a printed figure, as the worker stores it in the revision: `value` is a DecimalString */
export type { FigureField, FigureSource } from '@app/domain';

/** Báo cáo tổng hợp */
export type ReportState = 'drafting' | 'awaiting_signature' | 'signed' | 'issued' | 'superseded' | 'replaced';
export type RevisionState = 'draft' | 'sent' | 'returned' | 'signed' | 'issued' | 'superseded' | 'replaced';

/** DOCX and PDF: the document; JSON and CSV: the annex of its figures (every printed figure with its code, value, unit and source) */
export type ReportFileFormat = 'docx' | 'pdf' | 'json' | 'csv';

export interface ReportRevisionSummary {
  number: number;
  state: RevisionState;
  trigger: string;
  createdAt: string;
  missingUnits: string[];
  editedSection: string | null;
  /** json, csv: the annex of the figures; a PDF 'awaiting_libreoffice' has no sha256 nor size: the worker's machine lacks LibreOffice */
  files: Array<{ format: ReportFileFormat; sha256: string | null; size: number | null; renderedAs: 'draft' | 'signed' | 'issued'; state: 'ready' | 'awaiting_libreoffice' }>;
  /** the submissions it was composed from, each at its approved version (null: composed before they were recorded) */
  sourceVersions: Array<{ unitCode: string; submissionId: string; version: number }> | null;
  /** the SHA-256 of each signed and issued file, recorded by the database when the file was stored, never changed */
  recordedHashes: Array<{ format: ReportFileFormat; renderedAs: 'signed' | 'issued'; sha256: string; recordedAt: string }>;
}

export interface ReportActionView {
  action: 'send' | 'return' | 'sign' | 'issue' | 'correct' | 'supersede' | 'replace';
  revisionNumber: number;
  comment: string | null;
  /** issue: the SHA-256 of the issued PDF */
  sha256: string | null;
  /** send, sign: the units missing from the revision that the actor named, going on without them */
  missingUnitsAccepted: string[] | null;
  createdAt: string;
  actorUsername: string | null;
}

export interface ReportSummary {
  id: string;
  periodId: string;
  state: ReportState;
  version: number;
  correctsReportId: string | null;
  sentRevision: number | null;
  documentNumber: string | null;
  documentDate: string | null;
  signedAt: string | null;
  /** phát hành: when the records office issued it */
  issuedAt: string | null;
  supersededReason: string | null;
  /** a replacement: why it replaces the report it corrects */
  correctionReason: string | null;
  /** the issued report that replaced this one */
  replacedByReportId: string | null;
  /** figures it printed changed after it left drafting (an official figure approved): what, since when */
  staleReason: string | null;
  staleSince: string | null;
  revisions: ReportRevisionSummary[];
  actions: ReportActionView[];
}

/** A piece of a paragraph: plain text, a figure with its source, or a footnote mark. */
export type RunView = { text: string; source?: FigureSource; typedByOffice?: true } | { note: number };

export interface ReportSectionView {
  id: string;
  number: string;
  heading: string;
  level: number;
  style: 'heading' | 'run-in' | 'task';
  paragraphs: RunView[][];
  /** paragraphs separated by a blank line, footnote markers "[^N]" */
  text: string;
  /** every figure with its source; a number the office typed in an edited text: source null, typedByOffice */
  figures: Array<{ paragraph: number; text: string; source: FigureSource | null; typedByOffice?: true }>;
}

export interface RevisionContentView {
  number: number;
  header: {
    issuer: string[];
    kind: string;
    title: string[];
    number: string | null;
    numberSuffix: string;
    place: string;
    date: string | null;
    signature: { onBehalf: string; for?: string | null; title: string; name?: string | null };
    recipients: string[];
    archive: string;
    /** a replacement: the issued report it replaces and why ("thay thế Báo cáo số …") */
    replaces?: { number: string; numberSuffix: string; date: string; reason: string } | null;
  };
  notices: string[];
  sections: ReportSectionView[];
  footnotes: Array<{ number: number; text: string; runs: RunView[] }>;
}

export interface ReportView extends ReportSummary {
  current: RevisionContentView | null;
}

export interface ReportDiff {
  from: number;
  to: number;
  sections: Array<{ id: string; heading: string; changes: Array<{ op: 'equal' | 'insert' | 'delete'; text: string }> }>;
}

/** Ký: the vice-chairman's signature is applied by the worker to the rendered PDF; the number and date come at issue. */
export interface SignAnswer {
  id: string;
  state: ReportState;
  version: number;
  revision: number;
}

/** Phát hành: the number and date written into the document, the body's signature applied. */
export interface IssueAnswer {
  id: string;
  state: ReportState;
  version: number;
  revision: number;
  documentNumber: string;
  documentDate: string;
  numberLine: string;
  placeDate: string;
  /** the SHA-256 of the issued PDF */
  sha256: string;
  /** the report this one replaced, if it was a replacement */
  replacedReportId: string | null;
}

/** One signature of a PDF, as the server checked it. */
export interface SignatureCheckView {
  field: string | null;
  /** the certificate's subject: CN and O */
  commonName: string | null;
  organization: string | null;
  /** the signed bytes are unchanged and the signature verifies */
  intact: boolean;
  /** the certificate chains to a root this installation trusts */
  trusted: boolean;
  signingTime: string | null;
  timestampTime: string | null;
  /** nothing was added to the file after this signature */
  coversWholeDocument: boolean;
  problem: string | null;
}

/** Kiểm tra văn bản: is this PDF an issued document of this system, unchanged, and who signed it when. */
export interface VerificationView {
  sha256: string;
  /** the file is, byte for byte, a document issued by this system */
  issuedHere: boolean;
  /** every signature intact and the last one covering the whole file */
  intact: boolean;
  document: {
    reportId: string;
    periodId: string;
    documentNumber: string | null;
    numberLine: string | null;
    documentDate: string | null;
    state: ReportState;
    replacedByReportId: string | null;
  } | null;
  signatures: SignatureCheckView[];
  /** Vietnamese: what the checker concluded */
  summary: string;
}

/** A report template (its newest version) in the administrator's list, with its draft if any. */
export interface ReportTemplateListItem {
  code: string;
  version: number;
  name: string;
  formCode: string;
  draftId: string | null;
}

/** The draft of a report template's next version: its sentence patterns and what publishing would refuse. */
export interface ReportTemplateDraftView {
  id: string;
  code: string;
  baseVersion: number;
  version: number;
  body: ReportTemplate;
  problems: Array<{ code: string; field: string; indicatorCode?: string; message: string }>;
}

/** The report a draft composes from the last fully approved period (nothing stored). */
export interface ReportTemplatePreview {
  periodId: string;
  label: string;
  content: ReportContent;
  problems: ReportTemplateDraftView['problems'];
}
