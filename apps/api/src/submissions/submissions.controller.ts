import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ListSubmissionsQuery, SaveValuesDto, VersionDto } from './submission.dto';
import { SubmissionValuesService } from './submission-values.service';
import { SubmissionViewService } from './submission-view.service';
import { SubmissionWorkflowService } from './submission-workflow.service';

const SubmissionId = new UuidParamPipe('SUBMISSION_NOT_FOUND');

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsController {
  constructor(
    private readonly view: SubmissionViewService,
    private readonly values: SubmissionValuesService,
    private readonly workflow: SubmissionWorkflowService,
  ) {}

  /** What the caller may see: an officer their unit's, everyone else all units'. */
  @Get()
  list(@CurrentUser() actor: Actor, @Query() query: ListSubmissionsQuery) {
    return this.view.list(actor, query.periodId);
  }

  @Get(':id')
  get(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string) {
    return this.view.get(actor, id);
  }

  @Put(':id/values')
  @Roles('officer')
  saveValues(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: SaveValuesDto) {
    return this.values.save(actor, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('officer')
  submit(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: VersionDto) {
    return this.workflow.submit(actor, id, body.version);
  }

  @Get(':id/audit')
  audit(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string) {
    return this.view.audit(actor, id);
  }
}
