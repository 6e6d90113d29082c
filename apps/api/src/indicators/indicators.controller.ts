import type { IndicatorCatalogueItem, IndicatorSeriesView } from '@app/contracts';
import { AppConfig, InjectConfig, loadKeyIndicators } from '@app/config';
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
  private readonly keyCodes: string[];

  constructor(
    private readonly indicators: IndicatorsService,
    @InjectConfig() config: AppConfig,
  ) {
    this.keyCodes = loadKeyIndicators(config.TONGHOP_CONFIG_DIR);
  }

  @Get()
  catalogue(): Promise<IndicatorCatalogueItem[]> {
    return this.indicators.catalogue();
  }

  /** The leadership dashboard's key indicators (data: config/dashboard/key-indicators.json). */
  @Get('key')
  key(): Promise<IndicatorCatalogueItem[]> {
    return this.indicators.key(this.keyCodes);
  }

  /** Figures and percentages are decimal strings; months without an approved figure have `value: null`. */
  @Get(':code/series')
  series(@CurrentUser() actor: Actor, @Param('code') code: string, @Query() q: SeriesQuery): Promise<IndicatorSeriesView> {
    return this.indicators.series(actor, code, q.from, q.to, q.unit);
  }
}
