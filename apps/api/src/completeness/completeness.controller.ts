import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CompletenessService } from './completeness.service';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class CompletenessController {
  constructor(private readonly completeness: CompletenessService) {}

  /** Per unit: state, first submitted at, on time or late (own deadline), reminders sent; and totals. */
  @Get(':id/completeness')
  get(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('PERIOD_NOT_FOUND')) id: string) {
    return this.completeness.forPeriod(actor, id);
  }
}
