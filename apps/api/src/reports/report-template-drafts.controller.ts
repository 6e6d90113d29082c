import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateReportTemplateDraftDto, PublishReportTemplateDraftDto, SaveReportTemplateDraftDto } from './report-template-draft.dto';
import { ReportTemplateDraftsService } from './report-template-drafts.service';

/** Dự thảo phiên bản mẫu báo cáo: the administrator's alone. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('report-template-drafts')
@Roles('admin')
export class ReportTemplateDraftsController {
  constructor(private readonly drafts: ReportTemplateDraftsService) {}

  @Get()
  list() {
    return this.drafts.list();
  }

  @Post()
  create(@CurrentUser() actor: Actor, @Body() body: CreateReportTemplateDraftDto) {
    return this.drafts.create(actor, body.code);
  }

  @Get(':id')
  get(@Param('id', new UuidParamPipe('TEMPLATE_DRAFT_NOT_FOUND')) id: string) {
    return this.drafts.get(id);
  }

  @Put(':id')
  save(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('TEMPLATE_DRAFT_NOT_FOUND')) id: string, @Body() body: SaveReportTemplateDraftDto) {
    return this.drafts.save(actor, id, body.version, body.sections);
  }

  @Post(':id/preview')
  preview(@Param('id', new UuidParamPipe('TEMPLATE_DRAFT_NOT_FOUND')) id: string) {
    return this.drafts.preview(id);
  }

  @Post(':id/publish')
  publish(@CurrentUser() actor: Actor, @Param('id', new UuidParamPipe('TEMPLATE_DRAFT_NOT_FOUND')) id: string, @Body() body: PublishReportTemplateDraftDto) {
    return this.drafts.publish(actor, id, body.version);
  }
}
