import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { GrantExtensionDto } from './extension.dto';
import { ExtensionsService } from './extensions.service';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods/:id/extensions')
export class ExtensionsController {
  constructor(private readonly extensions: ExtensionsService) {}

  /** Officers see their own unit's extension only. */
  @Get()
  list(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('PERIOD_NOT_FOUND')) id: string) {
    return this.extensions.list(actor, id);
  }

  @Post()
  @Roles('admin')
  grant(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('PERIOD_NOT_FOUND')) id: string, @Body() body: GrantExtensionDto) {
    return this.extensions.grant(actor, id, body);
  }
}
