import { Initial1764201600000 } from './1764201600000-initial';
import { Outbox1764288000000 } from './1764288000000-outbox';
import { Reminders1764300000000 } from './1764300000000-reminders';
import { Reports1764400000000 } from './1764400000000-reports';
import { HotUpdates1764500000000 } from './1764500000000-hot-updates';
import { PdfAwaitingLibreoffice1764600000000 } from './1764600000000-pdf-awaiting-libreoffice';
import { ReportingYear1764607000000 } from './1764607000000-reporting-year';
import { Signatures1764614000000 } from './1764614000000-signatures';
import { FiguresOut1764650000000 } from './1764650000000-figures-out';
import { SeriesIndexOff1764660000000 } from './1764660000000-series-index-off';
import { IndicatorReporters1764665000000 } from './1764665000000-indicator-reporters';
import { ValueStatus1764760000000 } from './1764760000000-value-status';
import { ReferenceData1764750000000 } from './1764750000000-reference-data';
import { ReportTemplateDrafts1764751000000 } from './1764751000000-report-template-drafts';
import { SignOffIntegrity1764710000000 } from './1764710000000-sign-off-integrity';
import { UnitLineage1764740000000 } from './1764740000000-unit-lineage';
import { SessionsAndAccounts1764700000000 } from './1764700000000-sessions-and-accounts';
import { OutboxHandled1764720000000 } from './1764720000000-outbox-handled';

/** Every migration, in order. Listed explicitly so that the bundled apps carry them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1764201600000,
  Outbox1764288000000,
  Reminders1764300000000,
  Reports1764400000000,
  HotUpdates1764500000000,
  PdfAwaitingLibreoffice1764600000000,
  ReportingYear1764607000000,
  Signatures1764614000000,
  FiguresOut1764650000000,
  SeriesIndexOff1764660000000,
  IndicatorReporters1764665000000,
  SessionsAndAccounts1764700000000,
  SignOffIntegrity1764710000000,
  OutboxHandled1764720000000,
  UnitLineage1764740000000,
  ReferenceData1764750000000,
  ReportTemplateDrafts1764751000000,
  ValueStatus1764760000000,
];
