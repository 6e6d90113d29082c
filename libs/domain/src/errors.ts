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
  | 'CORRECTION_REASON_REQUIRED'
  | 'CORRECTION_SUBMISSIONS_REQUIRED'
  | 'SIGNING_KEY_MISSING'
  | 'PDF_REQUIRED'
  | 'REFRESH_REUSED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'WEAK_PASSWORD'
  | 'INVALID_TEXT'
  | 'ALREADY_EXISTS'
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
