import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import type { AuditRow, SaveAnswer, SubmissionListItem, SubmissionView, TransitionAnswer } from '@app/contracts';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ListSubmissionsQuery, SaveValuesDto, VersionDto } from './submission.dto';
import { AuditRowDto, SaveAnswerDto, SubmissionListItemDto, SubmissionViewDto, TransitionAnswerDto } from './submission-view.dto';
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
  @ApiOkResponse({ type: [SubmissionListItemDto] })
  list(@CurrentUser() actor: Actor, @Query() query: ListSubmissionsQuery): Promise<SubmissionListItem[]> {
    return this.view.list(actor, query.periodId);
  }

  /** Every figure and percentage a decimal string (see SubmissionViewDto). */
  @Get(':id')
  @ApiOkResponse({ type: SubmissionViewDto })
  get(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string): Promise<SubmissionView> {
    return this.view.get(actor, id);
  }

  @Put(':id/values')
  @Roles('officer')
  @ApiOkResponse({ type: SaveAnswerDto })
  saveValues(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: SaveValuesDto): Promise<SaveAnswer> {
    return this.values.save(actor, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('officer')
  @ApiOkResponse({ type: TransitionAnswerDto })
  submit(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: VersionDto): Promise<TransitionAnswer> {
    return this.workflow.submit(actor, id, body.version);
  }

  @Get(':id/audit')
  @ApiOkResponse({ type: [AuditRowDto] })
  audit(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string): Promise<AuditRow[]> {
    return this.view.audit(actor, id);
  }
}
