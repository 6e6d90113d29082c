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
  OutboxHandled1764720000000,
];
