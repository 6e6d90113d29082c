import { loadReportingBody, ReportingBody } from '@app/config';
import { findExchangeExportVersion, findLatestExchangeExport, insertExchangeExport, lockPeriodForExchange } from '@app/database';
import type { ExchangeDocument } from '@app/contracts';
import { DomainError } from '@app/domain';
import { DataSource } from 'typeorm';
import { PeriodFiguresService } from '../exports/period-figures.service';
import { diffFigures, exchangeFigures, figuresDigest, serialise } from './exchange-document';

export interface StoredExchange {
  version: number;
  sha256: string;
  body: string;
  /** this call stored the version (the figures differed from the last one) */
  created: boolean;
}

/**
 * The exchange document of a period (plain class: the API's service and the CLI command both run
 * it). The current approved figures are compared with the last stored version; when they differ —
 * the first export, or a correction after approval — a new version is stored, saying what changed.
 * Otherwise the last version is returned byte for byte. One period's exports are serialised.
 */
export class ExchangeExporter {
  private readonly body: ReportingBody;

  constructor(
    private readonly db: DataSource,
    private readonly figures: PeriodFiguresService,
    configDir: string,
    private readonly now: () => Promise<Date>,
  ) {
    this.body = loadReportingBody(configDir);
  }

  async current(periodId: string, actorId: string | null): Promise<StoredExchange> {
    const f = await this.figures.load(periodId, { kind: 'all' });
    const figures = exchangeFigures(f.rows, f.sources);
    const digest = figuresDigest(figures);
    return this.db.transaction(async (m) => {
      await lockPeriodForExchange(m, periodId);
      const last = await findLatestExchangeExport(m, periodId);
      if (last && last.figuresSha256 === digest) return { version: last.version, sha256: last.sha256, body: last.body, created: false };
      const version = (last?.version ?? 0) + 1;
      const previous = last ? (JSON.parse(last.body) as ExchangeDocument) : null;
      const doc: ExchangeDocument = {
        format: 'tonghop.period-figures',
        formatVersion: '1.0',
        documentId: `${this.body.code}-${f.period.code}-v${version}`,
        version,
        previous: previous && last ? { version: last.version, documentId: previous.documentId, sha256: last.sha256 } : null,
        generatedAt: (await this.now()).toISOString(),
        reportingBody: this.body,
        period: { type: 'month', year: f.period.year, number: f.period.number, code: f.period.code },
        figures,
        changes: previous ? diffFigures(previous.figures, figures) : [],
      };
      const { body, sha256 } = serialise(doc);
      await insertExchangeExport(m, { periodId, version, figuresSha256: digest, sha256, body, createdBy: actorId });
      return { version, sha256, body, created: true };
    });
  }

  async version(periodId: string, version: number): Promise<StoredExchange> {
    const row = await findExchangeExportVersion(this.db, periodId, version);
    if (!row) throw new DomainError('NOT_FOUND', `Không có phiên bản ${version} của tài liệu trao đổi số liệu kỳ này.`);
    return { version: row.version, sha256: row.sha256, body: row.body, created: false };
  }
}
