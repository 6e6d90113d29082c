import { Module } from '@nestjs/common';
import { FormsModule } from '../forms/forms.module';
import { FigureRevisionsController } from './figure-revisions.controller';
import { FigureRevisionsService } from './figure-revisions.service';
import { MonthFiguresService } from './month-figures.service';
import { SubmissionAccess } from './submission-access.service';
import { SubmissionValuesService } from './submission-values.service';
import { SubmissionViewService } from './submission-view.service';
import { SubmissionWorkflowService } from './submission-workflow.service';
import { SubmissionsController } from './submissions.controller';

@Module({
  imports: [FormsModule],
  controllers: [SubmissionsController, FigureRevisionsController],
  providers: [FigureRevisionsService, MonthFiguresService, SubmissionAccess, SubmissionValuesService, SubmissionViewService, SubmissionWorkflowService],
  exports: [SubmissionWorkflowService],
})
export class SubmissionsModule {}
