import type { StuckWorkView } from '@app/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { StuckWorkService } from './stuck-work.service';

@ApiTags('health')
@ApiBearerAuth()
@Controller('admin/stuck')
@Roles('admin')
export class StuckWorkController {
  constructor(private readonly stuck: StuckWorkService) {}

  /** Việc bị kẹt: outbox events, consolidations, renderings and e-mails whose effect is missing, each with since when. */
  @Get()
  list(): Promise<StuckWorkView> {
    return this.stuck.list();
  }
}
