import { Initial1764201600000 } from './1764201600000-initial';
import { Outbox1764288000000 } from './1764288000000-outbox';
import { Reminders1764300000000 } from './1764300000000-reminders';
import { Reports1764400000000 } from './1764400000000-reports';
import { HotUpdates1764500000000 } from './1764500000000-hot-updates';
import { FiguresOut1764650000000 } from './1764650000000-figures-out';

/** Every migration, in order. Listed explicitly so that the bundled apps carry them. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [Initial1764201600000, Outbox1764288000000, Reminders1764300000000, Reports1764400000000, HotUpdates1764500000000, FiguresOut1764650000000];
