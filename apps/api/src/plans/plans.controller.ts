import { Body, Controller, Get, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { EnterPlansDto } from './plans.dto';
import { PlansService } from './plans.service';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Kế hoạch năm và điều chỉnh kế hoạch: kept by the administrator. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
@Roles('admin')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get(':year')
  year(@Param('year', new ParseIntPipe({ errorHttpStatusCode: 400 })) year: number) {
    return this.plans.year(year);
  }

  @Put(':year')
  enter(@CurrentUser() actor: Actor, @Param('year', new ParseIntPipe({ errorHttpStatusCode: 400 })) year: number, @Body() body: EnterPlansDto) {
    return this.plans.enter(
      actor,
      year,
      body.lines.map((l, i) => ({ row: i + 1, indicatorCode: l.indicatorCode, target: l.target, effectiveFrom: l.effectiveFrom ?? null, decision: l.decision ?? null })),
      'screen',
    );
  }

  /** The workbook itself as the body (Content-Type: the .xlsx type); layout in plan-workbook.ts and the README. */
  @Post(':year/import')
  @ApiConsumes(XLSX_TYPE)
  import(@CurrentUser() actor: Actor, @Param('year', new ParseIntPipe({ errorHttpStatusCode: 400 })) year: number, @Body() file: Buffer) {
    return this.plans.import(actor, year, file);
  }
}
