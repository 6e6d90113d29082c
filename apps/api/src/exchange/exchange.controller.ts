import { AppConfig, InjectConfig } from '@app/config';
import { Clock, CLOCK } from '@app/queue';
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { PeriodFiguresService } from '../exports/period-figures.service';
import { ExchangeExporter } from './exchange.service';

export class ExchangeQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) version?: number;
}

/**
 * Trao đổi số liệu: a period's approved figures for the upper-level reporting system, as the
 * versioned JSON document of config/exchange/period-figures.v1.schema.json (administrators).
 */
@ApiTags('exchange')
@ApiBearerAuth()
@Roles('admin')
@Controller('periods')
export class ExchangeController {
  private readonly exporter: ExchangeExporter;

  constructor(@InjectDataSource() db: DataSource, figures: PeriodFiguresService, @InjectConfig() config: AppConfig, @Inject(CLOCK) clock: Clock) {
    this.exporter = new ExchangeExporter(db, figures, config.TONGHOP_CONFIG_DIR, () => clock.now());
  }

  /** The current version (a new one when a figure changed since the last); `?version=` an earlier one, unchanged. */
  @Get(':id/exchange.json')
  @ApiProduces('application/json')
  @ApiQuery({ name: 'version', required: false })
  async exchange(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('PERIOD_NOT_FOUND')) id: string, @Query() q: ExchangeQuery, @Res() res: FastifyReply) {
    const doc = q.version ? await this.exporter.version(id, q.version) : await this.exporter.current(id, actor.id);
    await res
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="trao-doi-so-lieu-v${doc.version}.json"`)
      .header('X-Content-SHA256', doc.sha256)
      .header('X-Exchange-Version', String(doc.version))
      .send(doc.body);
  }
}
