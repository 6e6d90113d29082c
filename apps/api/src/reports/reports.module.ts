import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DocumentsController } from './documents.controller';
import { reportSigningProvider } from './report-signing.provider';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { VerificationService } from './verification.service';

@Module({
  imports: [SubmissionsModule],
  controllers: [ReportsController, DocumentsController],
  providers: [ReportsService, VerificationService, reportSigningProvider],
})
export class ReportsModule {}
