import { findYearTimeliness } from '@app/database';
import type { TimelinessCell, TimelinessMatrix } from '@app/contracts';
import { timeliness, vnDate } from '@app/domain';
import { Clock, CLOCK } from '@app/queue';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/decorators';

export class TimelinessQuery {
  @ApiProperty({ example: 2024 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 5, description: 'the last month shown' }) @Type(() => Number) @IsInt() @Min(1) @Max(12) through: number;
}

/** The leadership dashboard's data that is not a series: completeness and timeliness over the year. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Roles('reviewer', 'signer', 'admin')
@Controller('dashboard')
export class DashboardController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Unit × month: on time / late (first submission vs the unit's own deadline) / not yet due / overdue / imported history. */
  @Get('timeliness')
  async timeliness(@Query() q: TimelinessQuery): Promise<TimelinessMatrix> {
    const today = vnDate(await this.clock.now());
    const rows = await findYearTimeliness(this.db, q.year, q.through);
    const units = new Map<string, TimelinessMatrix['units'][number]>();
    for (const r of rows) {
      let unit = units.get(r.unitId);
      if (!unit) units.set(r.unitId, (unit = { unitId: r.unitId, unitCode: r.unitCode, unitName: r.unitName, cells: [] }));
      const cell: TimelinessCell =
        r.firstSubmittedAt === null && r.state === 'approved' ? 'recorded' : timeliness({ firstSubmittedAt: r.firstSubmittedAt ?? r.submittedAt, deadline: r.deadline, today });
      unit.cells.push({ month: r.month, periodId: r.periodId, submissionId: r.submissionId, state: r.state, timeliness: cell });
    }
    const months = [...new Set(rows.map((r) => r.month))].sort((a, b) => a - b);
    return { year: q.year, months, today, units: [...units.values()] };
  }
}
