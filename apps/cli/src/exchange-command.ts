import type { AppConfig } from '@app/config';
import { findPeriodIdByNumber } from '@app/database';
import { parseYearMonth } from '@app/domain';
import { writeFileSync } from 'node:fs';
import { ExchangeExporter } from '../../api/src/exchange/exchange.service';
import { PeriodFiguresService } from '../../api/src/exports/period-figures.service';
import { openDatabase } from './commands';

/**
 * `exchange <YYYY-MM> [file]`: the period's exchange document, as `GET /api/periods/:id/exchange.json`
 * gives it (a new version when a figure changed since the last, else the last one unchanged), written
 * to `file` or to standard output; what it did goes to standard error.
 */
export async function runExchange(config: AppConfig, month: string | undefined, file: string | undefined): Promise<void> {
  const { year, month: number } = parseYearMonth(month ?? '', 'tháng');
  const { ds, pg } = await openDatabase(config, () => undefined);
  try {
    const periodId = await findPeriodIdByNumber(ds, 'month', year, number);
    if (!periodId) throw new Error(`Không có kỳ báo cáo tháng ${number}/${year}.`);
    const exporter = new ExchangeExporter(ds, new PeriodFiguresService(ds), config.TONGHOP_CONFIG_DIR, async () => new Date());
    const doc = await exporter.current(periodId, null);
    if (file) writeFileSync(file, doc.body);
    else process.stdout.write(doc.body);
    console.error(`Tài liệu trao đổi số liệu tháng ${number}/${year}: phiên bản ${doc.version}${doc.created ? ' (mới)' : ''}, SHA-256 ${doc.sha256}${file ? ` → ${file}` : ''}.`);
  } finally {
    await ds.destroy();
    await pg.stop();
  }
}
