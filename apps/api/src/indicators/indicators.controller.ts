import type { IndicatorCatalogueItem, IndicatorSeriesView } from '@app/contracts';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { IndicatorsService } from './indicators.service';
import { SeriesQuery } from './series-query.dto';

/** Chỉ tiêu: the catalogue (every signed-in user) and the approved monthly series (scoped by the caller's unit). */
@ApiTags('indicators')
@ApiBearerAuth()
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  catalogue(): Promise<IndicatorCatalogueItem[]> {
    return this.indicators.catalogue();
  }

  /** Figures and percentages are decimal strings; months without an approved figure have `value: null`. */
  @Get(':code/series')
  series(@CurrentUser() actor: Actor, @Param('code') code: string, @Query() q: SeriesQuery): Promise<IndicatorSeriesView> {
    return this.indicators.series(actor, code, q.from, q.to, q.unit);
  }
}
