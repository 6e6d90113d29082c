import { AppConfig, APP_CONFIG } from '@app/config';
import { ReportSigning } from '@app/signing';
import type { Provider } from '@nestjs/common';

export const REPORT_SIGNING = Symbol('REPORT_SIGNING');

/** The body's key (issue) and the trusted roots (verify), read from SIGNING_KEYS_FILE at start-up. */
export const reportSigningProvider: Provider = {
  provide: REPORT_SIGNING,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ReportSigning.fromConfig(config),
};
