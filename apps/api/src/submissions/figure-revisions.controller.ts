import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators';
import type { Actor } from '../common/actor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ListFigureRevisionsQuery, ReturnFigureRevisionDto, SubmitFigureRevisionDto } from './figure-revision.dto';
import { FigureRevisionsService } from './figure-revisions.service';

const SubmissionId = new UuidParamPipe('SUBMISSION_NOT_FOUND');
const RevisionId = new UuidParamPipe('NOT_FOUND');

/** Số liệu chính thức: later versions of approved figures, sent by the unit and decided by the office. */
@ApiTags('figure-revisions')
@ApiBearerAuth()
@Controller()
export class FigureRevisionsController {
  constructor(private readonly revisions: FigureRevisionsService) {}

  @Post('submissions/:id/figure-revisions')
  @Roles('officer')
  submit(@CurrentUser() actor: Actor, @Param('id', SubmissionId) id: string, @Body() body: SubmitFigureRevisionDto) {
    return this.revisions.submit(actor, id, body.items, body.reason);
  }

  @Get('figure-revisions')
  list(@CurrentUser() actor: Actor, @Query() query: ListFigureRevisionsQuery) {
    return this.revisions.list(actor, query.state ?? 'submitted');
  }

  @Post('figure-revisions/:id/approve')
  @HttpCode(200)
  @Roles('reviewer')
  approve(@CurrentUser() actor: Actor, @Param('id', RevisionId) id: string) {
    return this.revisions.approve(actor, id);
  }

  @Post('figure-revisions/:id/return')
  @HttpCode(200)
  @Roles('reviewer')
  return(@CurrentUser() actor: Actor, @Param('id', RevisionId) id: string, @Body() body: ReturnFigureRevisionDto) {
    return this.revisions.return(actor, id, body.reason);
  }
}
