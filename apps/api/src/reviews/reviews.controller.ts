import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ReopenDto } from '../reports/report.dto';
import { ReturnDto, VersionDto } from '../submissions/submission.dto';
import { SubmissionWorkflowService } from '../submissions/submission-workflow.service';

const SubmissionId = new UuidParamPipe('SUBMISSION_NOT_FOUND');

/** The office's decisions on a submission: approve it, or return it with a reason and comments. */
@ApiTags('reviews')
@ApiBearerAuth()
@Controller('submissions')
export class ReviewsController {
  constructor(private readonly workflow: SubmissionWorkflowService) {}

  @Post(':id/return')
  @HttpCode(200)
  @Roles('reviewer')
  return(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: ReturnDto) {
    return this.workflow.return(actor, id, body.version, body.reason, body.comments ?? []);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('reviewer')
  approve(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: VersionDto) {
    return this.workflow.approve(actor, id, body.version);
  }

  /** Mở lại một báo cáo đã duyệt để đính chính (admin, kèm lý do). */
  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('admin')
  reopen(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: ReopenDto) {
    return this.workflow.reopen(actor, id, body.version, body.reason);
  }
}
