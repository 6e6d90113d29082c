import type { UnitView } from '@app/contracts';
import { ReportingUnit } from '@app/database';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { IsISO8601, IsOptional } from 'class-validator';
import { Repository } from 'typeorm';

export class UnitsQuery {
  @ApiPropertyOptional({ description: 'only units in existence on this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  date?: string;
}

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(@InjectRepository(ReportingUnit) private readonly units: Repository<ReportingUnit>) {}

  @Get()
  async list(@Query() query: UnitsQuery): Promise<UnitView[]> {
    const qb = this.units.createQueryBuilder('u').orderBy('u.code');
    if (query.date) {
      qb.where('u.effective_from <= :d AND (u.effective_to IS NULL OR u.effective_to >= :d)', { d: query.date });
    }
    const rows = await qb.getMany();
    return rows.map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      kind: u.kind,
      effectiveFrom: u.effectiveFrom,
      effectiveTo: u.effectiveTo,
      mergedIntoCode: u.mergedIntoCode,
    }));
  }
}
