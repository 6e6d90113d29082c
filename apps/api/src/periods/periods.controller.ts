import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { OpenPeriodDto } from './period.dto';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  list() {
    return this.periods.list();
  }

  @Get(':id')
  get(@Param('id', new UuidParamPipe('PERIOD_NOT_FOUND')) id: string) {
    return this.periods.get(id);
  }

  @Post()
  @Roles('admin')
  open(@CurrentUser() actor: Actor, @Body() body: OpenPeriodDto) {
    return this.periods.open(actor, body);
  }
}
