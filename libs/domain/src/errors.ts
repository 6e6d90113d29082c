/**
 * Domain errors carry a stable code (clients switch on it) and a Vietnamese message (users read it).
 * The HTTP status for each code lives in one table in the API's exception filter.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_NUMBER'
  | 'VALUE_TOO_LARGE'
  | 'TOO_MANY_DECIMALS'
  | 'WRONG_VALUE_KIND'
  | 'UNKNOWN_INDICATOR'
  | 'DUPLICATE_INDICATOR'
  | 'REQUIRED'
  | 'BELOW_MIN'
  | 'ABOVE_MAX'
  | 'NOT_INTEGER'
  | 'PART_ABOVE_PARENT'
  | 'PARTS_ABOVE_PARENT'
  | 'SUBMISSION_INVALID'
  | 'ILLEGAL_TRANSITION'
  | 'SUBMISSION_LOCKED'
  | 'FIGURE_REVISION_NOT_ALLOWED'
  | 'FIGURE_REVISION_PENDING'
  | 'FIGURE_REVISION_NOT_FOUND'
  | 'FIGURE_REVISION_DECIDED'
  | 'FIGURE_REVISION_REASON_REQUIRED'
  | 'SUBMISSION_NOT_EDITABLE'
  | 'VERSION_CONFLICT'
  | 'RETURN_REASON_REQUIRED'
  | 'NOT_FOUND'
  | 'SUBMISSION_NOT_FOUND'
  | 'PERIOD_NOT_FOUND'
  | 'INDICATOR_NOT_FOUND'
  | 'UNIT_NOT_FOUND'
  | 'PERIOD_EXISTS'
  | 'PERIOD_INVALID'
  | 'DEADLINE_INVALID'
  | 'EXTENSION_REASON_REQUIRED'
  | 'UNIT_NOT_IN_PERIOD'
  | 'NOTIFICATION_NOT_FOUND'
  | 'NO_FORM_TEMPLATE'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'FORBIDDEN'
  | 'REPORT_NOT_FOUND'
  | 'REVISION_NOT_FOUND'
  | 'UNKNOWN_SECTION'
  | 'UNKNOWN_FOOTNOTE'
  | 'SECTION_TEXT_REQUIRED'
  | 'RETURN_COMMENT_REQUIRED'
  | 'REOPEN_REASON_REQUIRED'
  | 'REPORT_NOT_EDITABLE'
  | 'REPORT_LOCKED'
  | 'NOT_LATEST_REVISION'
  | 'DOCUMENT_NOT_READY'
  | 'PDF_AWAITING_LIBREOFFICE'
  | 'NO_REPORT_TEMPLATE'
  | 'REPORT_NOT_SIGNED'
  | 'REPORT_NOT_ISSUED'
  | 'REPORT_SOURCES_CHANGED'
  | 'REPORT_UNITS_MISSING'
  | 'CORRECTION_REASON_REQUIRED'
  | 'CORRECTION_SUBMISSIONS_REQUIRED'
  | 'SIGNING_KEY_MISSING'
  | 'PDF_REQUIRED'
  // reference data kept by the administrator (forms, plans, calendar, report templates)
  | 'FORM_INVALID'
  | 'FORM_FIELD_INVALID'
  | 'FORM_DUPLICATE_CODE'
  | 'FORM_DUPLICATE_SECTION'
  | 'FORM_MISSING_PARENT'
  | 'FORM_PARENT_OTHER_UNIT'
  | 'FORM_CYCLE'
  | 'FORM_CODE_REUSED'
  | 'FORM_MEANING_CHANGED'
  | 'FORM_UNKNOWN_UNIT'
  | 'FORM_NOT_FOUND'
  | 'FORM_DRAFT_NOT_FOUND'
  | 'FORM_DRAFT_EXISTS'
  | 'EFFECTIVE_FROM_INVALID'
  | 'PLAN_INVALID'
  | 'PLAN_UNKNOWN_INDICATOR'
  | 'PLAN_BAD_TARGET'
  | 'PLAN_BAD_DATE'
  | 'PLAN_WITHOUT_BASE'
  | 'PLAN_DUPLICATE_ROW'
  | 'PLAN_FILE_UNREADABLE'
  | 'PLAN_DECISION_REQUIRED'
  | 'CALENDAR_INVALID'
  | 'TEMPLATE_INVALID'
  | 'TEMPLATE_UNKNOWN_INDICATOR'
  | 'TEMPLATE_UNKNOWN_PLACEHOLDER'
  | 'TEMPLATE_UNKNOWN_SECTION'
  | 'TEMPLATE_DRAFT_NOT_FOUND'
  | 'NO_APPROVED_PERIOD'
  | 'INTERNAL_ERROR';

/** The one command that installs LibreOffice, which PDFs wait for (Debian/Ubuntu): said by the worker, the API and the demo. */
export const LIBREOFFICE_INSTALL = 'sudo apt-get install libreoffice-writer-nogui';

export interface ErrorDetail {
  field?: string;
  indicatorCode?: string;
  code: ErrorCode;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
