import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateFormDraftDto, PublishFormDraftDto, SaveFormDraftDto } from './form-draft.dto';
import { FormDraftsService } from './form-drafts.service';

/** Dự thảo phiên bản biểu mẫu: edited and published by the administrator only. */
@ApiTags('forms')
@ApiBearerAuth()
@Controller('form-drafts')
@Roles('admin')
export class FormDraftsController {
  constructor(private readonly drafts: FormDraftsService) {}

  @Get()
  list() {
    return this.drafts.list();
  }

  @Post()
  create(@CurrentUser() actor: Actor, @Body() body: CreateFormDraftDto) {
    return this.drafts.create(actor, body.formCode);
  }

  @Get(':id')
  get(@Param('id', new UuidParamPipe('FORM_DRAFT_NOT_FOUND')) id: string) {
    return this.drafts.get(id);
  }

  @Put(':id')
  save(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('FORM_DRAFT_NOT_FOUND')) id: string, @Body() body: SaveFormDraftDto) {
    return this.drafts.save(actor, id, body.version, body.body);
  }

  @Delete(':id')
  @HttpCode(204)
  discard(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('FORM_DRAFT_NOT_FOUND')) id: string) {
    return this.drafts.discard(actor, id);
  }

  @Post(':id/publish')
  publish(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('FORM_DRAFT_NOT_FOUND')) id: string, @Body() body: PublishFormDraftDto) {
    return this.drafts.publish(actor, id, body);
  }
}
