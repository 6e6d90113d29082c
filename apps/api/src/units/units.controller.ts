import type { UnitView } from '@app/contracts';
import { vnDate } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { CloseUnitDto, CreateUnitRequest, RestructureDto, UnitsQuery, UpdateUnitDto } from './units.dto';
import { RestructureResult, UnitsService } from './units.service';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every unit, or those in force on `date` (the successors of a restructuring, not the units they replaced). */
  @Get()
  list(@Query() query: UnitsQuery): Promise<UnitView[]> {
    return this.units.list(query.date ?? null);
  }

  /** Restructurings, newest first, with their lineage (which indicator went from which unit to which). */
  @Get('restructurings')
  @Roles('admin')
  restructurings() {
    return this.units.restructurings();
  }

  @Post('restructurings')
  @Roles('admin')
  restructure(@CurrentUser() actor: Actor, @Body() dto: RestructureDto): Promise<RestructureResult> {
    return this.units.restructure(actor, dto);
  }

  /** The indicators the unit fills on `date` (today's arrangement when absent). */
  @Get(':code/indicators')
  @Roles('admin')
  async held(@Param('code') code: string, @Query() query: UnitsQuery): Promise<string[]> {
    return this.units.heldIndicators(code, query.date ?? vnDate(await this.clock.now()));
  }

  @Post()
  @Roles('admin')
  create(@CurrentUser() actor: Actor, @Body() dto: CreateUnitRequest): Promise<UnitView> {
    return this.units.create(actor, dto);
  }

  @Patch(':code')
  @Roles('admin')
  update(@CurrentUser() actor: Actor, @Param('code') code: string, @Body() dto: UpdateUnitDto): Promise<UnitView> {
    return this.units.update(actor, code, dto);
  }

  @Post(':code/close')
  @Roles('admin')
  @HttpCode(200)
  close(@CurrentUser() actor: Actor, @Param('code') code: string, @Body() dto: CloseUnitDto): Promise<RestructureResult> {
    return this.units.close(actor, code, dto);
  }
}
