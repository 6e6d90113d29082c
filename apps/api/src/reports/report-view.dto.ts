import type {
  FigureField,
  FigureSource,
  ReportActionView,
  ReportFileFormat,
  ReportRevisionSummary,
  ReportSectionView,
  ReportState,
  ReportSummary,
  ReportView,
  RevisionContentView,
  RevisionState,
  RunView,
} from '@app/contracts';
import { VALUE_STATUSES, ValueStatus } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ApiDecimal } from '../common/api-decimal';

/* The report routes' answers for OpenAPI, each implementing its @app/contracts type (see submission-view.dto.ts). */

const REPORT_STATES: ReportState[] = ['drafting', 'awaiting_signature', 'signed', 'issued', 'superseded', 'replaced'];
const REVISION_STATES: RevisionState[] = ['draft', 'sent', 'returned', 'signed', 'issued', 'superseded', 'replaced'];
const FIELDS: FigureField[] = ['value', 'cumulative', 'planPct', 'samePeriodChangePct', 'samePeriodRatioPct'];

class RevisionDto {
  @ApiDecimal('the approved figure an official (or preliminary) version replaced') previousValue: string | null;
  @ApiProperty({ enum: VALUE_STATUSES, nullable: true }) previousStatus: ValueStatus | null;
}

class MonthSourceDto {
  @ApiProperty({ example: 4 }) month: number;
  @ApiProperty() submissionId: string;
  @ApiDecimal('the month’s exact approved figure') value: string;
  @ApiProperty({ enum: VALUE_STATUSES, required: false, description: 'ước / sơ bộ / chính thức, where stated' }) status?: ValueStatus;
  @ApiProperty({ type: RevisionDto, required: false, description: 'the month’s figure is a later version (an official figure): what it replaced' }) revised?: RevisionDto;
}

export class FigureSourceDto implements FigureSource {
  @ApiProperty() unitCode: string;
  @ApiProperty() submissionId: string;
  @ApiProperty() indicatorCode: string;
  @ApiProperty({ enum: FIELDS }) field: FigureField;
  @ApiDecimal('the exact approved figure the printed text comes from') value: string;
  @ApiProperty({ example: '710,83', description: 'as printed' }) text: string;
  @ApiProperty() sectionId: string;
  @ApiProperty({ type: [MonthSourceDto], required: false, description: 'a longer period’s figure: the months it was taken from (the months a summed figure sums)' })
  months?: MonthSourceDto[];
  @ApiProperty({ enum: VALUE_STATUSES, required: false, description: 'ước / sơ bộ / chính thức: the value’s own, or its months’ (official only when every month is)' })
  status?: ValueStatus;
  @ApiProperty({ type: RevisionDto, required: false, description: 'the value is a later version of an approved figure: what it replaced' })
  revised?: RevisionDto;
}

class SectionFigureDto {
  @ApiProperty() paragraph: number;
  @ApiProperty() text: string;
  @ApiProperty({ type: FigureSourceDto, nullable: true }) source: FigureSourceDto | null;
  @ApiProperty({ required: false, description: 'a number the office typed in an edited text, that no approved submission gives (source null)' }) typedByOffice?: true;
}

const RUNS = {
  description: 'runs: {text}, {text, source: FigureSource} (a printed figure), {text, typedByOffice: true} (a number the office typed), or {note: n} (a footnote mark)',
  type: 'array',
  items: { type: 'object' },
} as const;

class ReportSectionViewDto implements ReportSectionView {
  @ApiProperty() id: string;
  @ApiProperty() number: string;
  @ApiProperty() heading: string;
  @ApiProperty() level: number;
  @ApiProperty({ enum: ['heading', 'run-in', 'task'] }) style: ReportSectionView['style'];
  @ApiProperty({ type: 'array', items: RUNS, description: 'paragraphs, each a list of runs' }) paragraphs: RunView[][];
  @ApiProperty({ description: 'paragraphs separated by a blank line, footnote markers "[^N]"' }) text: string;
  @ApiProperty({ type: [SectionFigureDto] }) figures: SectionFigureDto[];
}

class FootnoteDto {
  @ApiProperty() number: number;
  @ApiProperty() text: string;
  @ApiProperty(RUNS) runs: RunView[];
}

class RevisionContentViewDto implements RevisionContentView {
  @ApiProperty() number: number;
  @ApiProperty({ type: Object, description: 'issuer, kind, title, number, place, date, signature, recipients' }) header: RevisionContentView['header'];
  @ApiProperty({ type: [String] }) notices: string[];
  @ApiProperty({ type: [ReportSectionViewDto] }) sections: ReportSectionViewDto[];
  @ApiProperty({ type: [FootnoteDto] }) footnotes: FootnoteDto[];
}

class RevisionFileDto {
  @ApiProperty({ enum: ['docx', 'pdf', 'json', 'csv'], description: 'json, csv: the annex of the figures' }) format: 'docx' | 'pdf' | 'json' | 'csv';
  @ApiProperty({ type: String, nullable: true, description: 'null while the PDF waits for LibreOffice' }) sha256: string | null;
  @ApiProperty({ type: Number, nullable: true }) size: number | null;
  @ApiProperty({ enum: ['draft', 'signed', 'issued'] }) renderedAs: 'draft' | 'signed' | 'issued';
  @ApiProperty({ enum: ['ready', 'awaiting_libreoffice'] }) state: 'ready' | 'awaiting_libreoffice';
}

class SourceVersionDto {
  @ApiProperty() unitCode: string;
  @ApiProperty() submissionId: string;
  @ApiProperty() version: number;
}

class RecordedHashDto {
  @ApiProperty({ enum: ['docx', 'pdf', 'json', 'csv'] }) format: ReportFileFormat;
  @ApiProperty({ enum: ['signed', 'issued'] }) renderedAs: 'signed' | 'issued';
  @ApiProperty() sha256: string;
  @ApiProperty() recordedAt: string;
}

class ReportRevisionSummaryDto implements ReportRevisionSummary {
  @ApiProperty() number: number;
  @ApiProperty({ enum: REVISION_STATES }) state: RevisionState;
  @ApiProperty() trigger: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [String] }) missingUnits: string[];
  @ApiProperty({ type: String, nullable: true }) editedSection: string | null;
  @ApiProperty({ type: [RevisionFileDto] }) files: RevisionFileDto[];
  @ApiProperty({ type: [SourceVersionDto], nullable: true, description: 'the submissions it was composed from, at their approved versions' }) sourceVersions: SourceVersionDto[] | null;
  @ApiProperty({ type: [RecordedHashDto], description: 'SHA-256 of each signed and issued file, recorded by the database when stored' }) recordedHashes: RecordedHashDto[];
}

class ReportActionViewDto implements ReportActionView {
  @ApiProperty({ enum: ['send', 'return', 'sign', 'issue', 'correct', 'supersede', 'replace'] }) action: ReportActionView['action'];
  @ApiProperty() revisionNumber: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'issue: the SHA-256 of the issued PDF' }) sha256: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'send, sign: the missing units the actor accepted' }) missingUnitsAccepted: string[] | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: String, nullable: true }) actorUsername: string | null;
}

export class ReportSummaryDto implements ReportSummary {
  @ApiProperty() id: string;
  @ApiProperty() periodId: string;
  @ApiProperty({ enum: REPORT_STATES }) state: ReportState;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, nullable: true }) correctsReportId: string | null;
  @ApiProperty({ type: Number, nullable: true }) sentRevision: number | null;
  @ApiProperty({ type: String, nullable: true, example: '01/BC-UBND' }) documentNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) documentDate: string | null;
  @ApiProperty({ type: String, nullable: true }) signedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) issuedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) supersededReason: string | null;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) replacedByReportId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'figures it printed changed after it left drafting (an official figure approved)' }) staleReason: string | null;
  @ApiProperty({ type: String, nullable: true }) staleSince: string | null;
  @ApiProperty({ type: [ReportRevisionSummaryDto] }) revisions: ReportRevisionSummaryDto[];
  @ApiProperty({ type: [ReportActionViewDto] }) actions: ReportActionViewDto[];
}

export class ReportViewDto extends ReportSummaryDto implements ReportView {
  @ApiProperty({ type: RevisionContentViewDto, nullable: true, description: 'the latest revision; each printed figure with its source' })
  current: RevisionContentViewDto | null;
}
