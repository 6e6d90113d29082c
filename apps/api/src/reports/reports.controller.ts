import { Body, Controller, Get, HttpCode, Injectable, Param, PipeTransform, Post, Put, Query, Res } from '@nestjs/common';
import type { ReportSummary, ReportView, VerificationView } from '@app/contracts';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@app/domain';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { VersionDto } from '../submissions/submission.dto';
import { ConsolidateDto, CorrectionDto, DiffQuery, EditSectionDto, ListReportsQuery, ReturnReportDto, SignOffDto } from './report.dto';
import { ReportSummaryDto, ReportViewDto } from './report-view.dto';
import { ReportsService } from './reports.service';
import { VerificationService } from './verification.service';

const ReportId = new UuidParamPipe('NOT_FOUND');
/**
 * A revision number is a positive integer that fits Postgres's int4: anything else names no revision (404).
 * ParseIntPipe let "99999999999" through to the query, a 500 (found by the API fuzzer).
 */
@Injectable()
class RevisionNumberPipe implements PipeTransform<unknown, number> {
  // the global ValidationPipe has already made a number of it ("1e3" is 1000), or left a string it could not read
  transform(value: unknown): number {
    if (!/^[1-9]\d{0,9}$/.test(String(value)) || Number(value) > 2_147_483_647) throw new DomainError('REVISION_NOT_FOUND', 'Không tìm thấy bản này của báo cáo.');
    return Number(value);
  }
}
const RevisionNumber = new RevisionNumberPipe();
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  // the annex of the report's figures
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;
type FileFormat = keyof typeof TYPES;

/**
 * Báo cáo tổng hợp: the office reads and edits drafts and sends one for sign-off; the signer signs or
 * returns it; the records office (clerk) issues it; the office starts a correction of a signed or issued one.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Roles('reviewer', 'signer', 'clerk', 'admin')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly verification: VerificationService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ReportSummaryDto] })
  list(@Query() query: ListReportsQuery): Promise<ReportSummary[]> {
    return this.reports.list(query.periodId);
  }

  /** Tổng hợp ngay: a draft from what is approved now (it lists the units still missing). */
  @Post('consolidate')
  @HttpCode(202)
  @Roles('reviewer')
  consolidate(@CurrentUser() actor: Actor, @Body() body: ConsolidateDto) {
    return this.reports.requestConsolidation(actor, body.periodId);
  }

  /** Each printed figure carries its source; the source's `value` is a decimal string. */
  @Get(':id')
  @ApiOkResponse({ type: ReportViewDto })
  get(@Param('id', ReportId) id: string): Promise<ReportView> {
    return this.reports.get(id);
  }

  @Get(':id/diff')
  diff(@Param('id', ReportId) id: string, @Query() q: DiffQuery) {
    return this.reports.diff(id, q.from, q.to);
  }

  @Get(':id/revisions/:number')
  revision(@Param('id', ReportId) id: string, @Param('number', RevisionNumber) number: number) {
    return this.reports.revision(id, number);
  }

  @Get(':id/revisions/:number/document.:format')
  async document(@Param('id', ReportId) id: string, @Param('number', RevisionNumber) number: number, @Param('format') format: string, @Res() res: FastifyReply) {
    if (!Object.hasOwn(TYPES, format) && format !== 'html') throw new DomainError('NOT_FOUND', 'Không tìm thấy.');
    const doc = await this.reports.document(id, number, format as FileFormat | 'html');
    if ('html' in doc) {
      await res.type('text/html; charset=utf-8').send(doc.html);
      return;
    }
    await res
      .header('Content-Type', TYPES[format as FileFormat])
      .header('Content-Disposition', `attachment; filename="${format === 'json' || format === 'csv' ? 'phu-luc-so-lieu' : 'bao-cao-tong-hop'}-ban-${number}.${format}"`)
      .header('X-Content-SHA256', doc.sha256)
      .send(doc.data);
  }

  @Put(':id/sections/:sectionId')
  @Roles('reviewer')
  edit(@CurrentUser() actor: Actor, @Param('id', ReportId) id: string, @Param('sectionId') sectionId: string, @Body() body: EditSectionDto) {
    return this.reports.editSection(actor, id, sectionId, body.version, body.text);
  }

  @Post(':id/send')
  @HttpCode(200)
  @Roles('reviewer')
  send(@CurrentUser() actor: Actor, @Param('id', ReportId) id: string, @Body() body: SignOffDto) {
    return this.reports.send(actor, id, body.version, body.missingUnitsAccepted);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('signer')
  return(@CurrentUser() actor: Actor, @Param('id', ReportId) id: string, @Body() body: ReturnReportDto) {
    return this.reports.returnToOffice(actor, id, body.version, body.comment);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Roles('signer')
  sign(@CurrentUser() actor: Actor, @Param('id', ReportId) id: string, @Body() body: SignOffDto) {
    return this.reports.sign(actor, id, body.version, body.missingUnitsAccepted);
  }

  /** Phát hành: the number and date written in, the body's signature applied, distributed to "Nơi nhận". */
  @Post(':id/issue')
  @HttpCode(200)
  @Roles('clerk')
  issue(@CurrentUser() actor: Actor, @Param('id', ReportId) id: string, @Body() body: VersionDto) {
    return this.reports.issue(actor, id, body.version);
  }

  /** Đính chính: reopen the submissions concerned; an issued report is replaced when its replacement is issued. */
  @Post(':id/corrections')
  @HttpCode(200)
  @Roles('reviewer')
  correct(@CurrentUser() actor: Actor, @Param('id', ReportId) id: string, @Body() body: CorrectionDto) {
    return this.reports.correct(actor, id, body.version, body.reason, body.submissionIds);
  }

  /** The report's signed or issued PDF checked again: signatures, who, when, and whether it is the issued file. */
  @Get(':id/verify')
  verify(@Param('id', ReportId) id: string): Promise<VerificationView> {
    return this.verification.verifyReport(id);
  }
}
