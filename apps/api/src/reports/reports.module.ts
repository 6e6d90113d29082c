import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DocumentsController } from './documents.controller';
import { reportSigningProvider } from './report-signing.provider';
import { ReportTemplateDraftsController } from './report-template-drafts.controller';
import { ReportTemplateDraftsService } from './report-template-drafts.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { VerificationService } from './verification.service';

@Module({
  imports: [SubmissionsModule],
  controllers: [ReportsController, DocumentsController, ReportTemplateDraftsController],
  providers: [ReportsService, VerificationService, reportSigningProvider, ReportTemplateDraftsService],
})
export class ReportsModule {}
