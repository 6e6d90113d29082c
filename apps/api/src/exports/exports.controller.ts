import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { unitScopeOf } from '../common/unit-scope';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { UnitHistoryQuery } from '../indicators/series-query.dto';
import { figuresCsv } from './figures-csv';
import { figuresWorkbook } from './figures-workbook';
import { PeriodFiguresService } from './period-figures.service';
import { UnitHistoryService } from './unit-history.service';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PeriodId = new UuidParamPipe('PERIOD_NOT_FOUND');

/** Sends a file with its SHA-256, as the report's documents are sent. */
export async function sendFile(res: FastifyReply, type: string, name: string, data: Buffer | string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  await res
    .header('Content-Type', type)
    .header('Content-Disposition', `attachment; filename="${name}"`)
    .header('X-Content-SHA256', createHash('sha256').update(bytes).digest('hex'))
    .send(bytes);
}

/**
 * Xuất số liệu: a period's approved figures (every unit the caller may see: an officer, their own)
 * as XLSX and CSV in the long format, and an officer's own unit's history.
 */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(
    private readonly figures: PeriodFiguresService,
    private readonly history: UnitHistoryService,
  ) {}

  @Get('periods/:id/export.xlsx')
  @ApiProduces(XLSX)
  async xlsx(@CurrentUser() actor: Actor, @Param('id', PeriodId) id: string, @Res() res: FastifyReply) {
    const f = await this.figures.load(id, unitScopeOf(actor));
    await sendFile(res, XLSX, `so-lieu-${f.period.code}.xlsx`, await figuresWorkbook(`Số liệu đã duyệt ${f.period.code}`, f.rows));
  }

  @Get('periods/:id/export.csv')
  @ApiProduces('text/csv')
  async csv(@CurrentUser() actor: Actor, @Param('id', PeriodId) id: string, @Res() res: FastifyReply) {
    const f = await this.figures.load(id, unitScopeOf(actor));
    await sendFile(res, 'text/csv; charset=utf-8', `so-lieu-${f.period.code}.csv`, figuresCsv(f.rows));
  }

  @Get('me/history.csv')
  @Roles('officer')
  @ApiProduces('text/csv')
  async historyCsv(@CurrentUser() actor: Actor, @Query() q: UnitHistoryQuery, @Res() res: FastifyReply) {
    const h = await this.history.rows(actor, q.from, q.to);
    await sendFile(res, 'text/csv; charset=utf-8', `lich-su-${h.unitCode}-${q.from}-${q.to}.csv`, figuresCsv(h.rows));
  }

  @Get('me/history.xlsx')
  @Roles('officer')
  @ApiProduces(XLSX)
  async historyXlsx(@CurrentUser() actor: Actor, @Query() q: UnitHistoryQuery, @Res() res: FastifyReply) {
    const h = await this.history.rows(actor, q.from, q.to);
    await sendFile(res, XLSX, `lich-su-${h.unitCode}-${q.from}-${q.to}.xlsx`, await figuresWorkbook(`Lịch sử số liệu ${h.unitCode}`, h.rows));
  }
}
