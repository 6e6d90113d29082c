import { AuditEntry } from './audit-entry.entity';
import { DeadlineExtension } from './deadline-extension.entity';
import { FormSection, FormSectionUnit, FormTemplate, Indicator, IndicatorPlan } from './form-template.entity';
import { ExchangeExport } from './exchange-export.entity';
import { EmailDelivery, Notification } from './notification.entity';
import { OutboxEvent } from './outbox-event.entity';
import { RefreshToken } from './refresh-token.entity';
import { Period } from './period.entity';
import { SentReminder } from './reminder.entity';
import { ReportingUnit } from './reporting-unit.entity';
import { DocumentNumber, Report, ReportAction, ReportFile, ReportFileHash, ReportRevision, ReportTemplateRow } from './report.entity';
import { FigureRevision, ReviewAction, Submission, SubmissionValue } from './submission.entity';
import { User } from './user.entity';

export * from './audit-entry.entity';
export * from './deadline-extension.entity';
export * from './exchange-export.entity';
export * from './form-template.entity';
export * from './notification.entity';
export * from './outbox-event.entity';
export * from './period.entity';
export * from './refresh-token.entity';
export * from './reminder.entity';
export * from './reporting-unit.entity';
export * from './report.entity';
export * from './submission.entity';
export * from './user.entity';

export const ENTITIES = [
  ReportingUnit,
  User,
  RefreshToken,
  FormTemplate,
  FormSection,
  FormSectionUnit,
  Indicator,
  IndicatorPlan,
  Period,
  Submission,
  SubmissionValue,
  FigureRevision,
  ReviewAction,
  AuditEntry,
  OutboxEvent,
  DeadlineExtension,
  SentReminder,
  Notification,
  EmailDelivery,
  ReportTemplateRow,
  Report,
  ReportRevision,
  ReportAction,
  ReportFile,
  ReportFileHash,
  DocumentNumber,
  ExchangeExport,
];
