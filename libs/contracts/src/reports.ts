import type { FigureSource } from '@app/domain';

/** the provenance of a printed figure, as the worker stores it in the revision: `value` is a DecimalString */
export type { FigureField, FigureSource } from '@app/domain';

/** Báo cáo tổng hợp */
export type ReportState = 'drafting' | 'awaiting_signature' | 'signed' | 'superseded';
export type RevisionState = 'draft' | 'sent' | 'returned' | 'signed' | 'superseded';

/** DOCX and PDF: the document; JSON and CSV: the annex of its figures (every printed figure with its code, value, unit and source) */
export type ReportFileFormat = 'docx' | 'pdf' | 'json' | 'csv';

export interface ReportRevisionSummary {
  number: number;
  state: RevisionState;
  trigger: string;
  createdAt: string;
  missingUnits: string[];
  editedSection: string | null;
  files: Array<{ format: ReportFileFormat; sha256: string; size: number; renderedAs: 'draft' | 'issued' }>;
}

export interface ReportActionView {
  action: 'send' | 'return' | 'sign' | 'supersede';
  revisionNumber: number;
  comment: string | null;
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
  supersededReason: string | null;
  revisions: ReportRevisionSummary[];
  actions: ReportActionView[];
}

/** A piece of a paragraph: plain text, a figure with its source, or a footnote mark. */
export type RunView = { text: string; source?: FigureSource } | { note: number };

export interface ReportSectionView {
  id: string;
  number: string;
  heading: string;
  level: number;
  style: 'heading' | 'run-in' | 'task';
  paragraphs: RunView[][];
  /** paragraphs separated by a blank line, footnote markers "[^N]" */
  text: string;
  figures: Array<{ paragraph: number; text: string; source: FigureSource | null }>;
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

export interface SignAnswer {
  id: string;
  state: ReportState;
  version: number;
  revision: number;
  documentNumber: string;
  numberLine: string;
  placeDate: string;
}
