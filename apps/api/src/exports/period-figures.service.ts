import { ApprovedPeriodFigureRow, findApprovedPeriodFigures, findPeriodHeading, loadFigureHistory, loadPlans, PeriodHeadingRow, planDay, UnitScope } from '@app/database';
import type { FigureExportRow } from '@app/contracts';
import { canonicalDecimal, dec, decimalTextOrNull as text, DomainError, deriveFigures, formatYearMonth } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const periodNotFound = () => new DomainError('PERIOD_NOT_FOUND', 'Không tìm thấy kỳ báo cáo.');

/** A period's approved figures, each with what the submission view derives from it. */
export interface PeriodFigures {
  period: PeriodHeadingRow & { id: string; code: string };
  rows: FigureExportRow[];
  /** the repository rows, in the same order (the exchange document names their approval dates) */
  sources: ApprovedPeriodFigureRow[];
}

/**
 * Every approved figure of a period that the caller may see, with its cumulative, % of plan and %
 * vs the same period derived exactly as the submission view derives them (the units' approved
 * history, the year's plans, `deriveFigures`): what the exports and the exchange document carry.
 */
@Injectable()
export class PeriodFiguresService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(periodId: string, scope: UnitScope): Promise<PeriodFigures> {
    const heading = await findPeriodHeading(this.db, periodId);
    if (!heading) throw periodNotFound();
    if (heading.type !== 'month') throw new DomainError('PERIOD_INVALID', 'Chỉ kỳ báo cáo tháng có số liệu để xuất.');
    const sources = await findApprovedPeriodFigures(this.db, periodId, scope);
    const unitIds = [...new Set(sources.map((r) => r.unitId))];
    const codes = [...new Set(sources.map((r) => r.indicatorCode))];
    const [histories, plans] = unitIds.length
      ? await Promise.all([loadFigureHistory(this.db, unitIds, heading, codes), loadPlans(this.db, heading.year, codes, planDay(heading))])
      : [new Map(), new Map()];
    const code = formatYearMonth({ year: heading.year, month: heading.number });
    const rows = sources.map((r): FigureExportRow => {
      const h = histories.get(r.unitId)?.get(r.indicatorCode);
      const d = deriveFigures({
        rule: r,
        periodNumber: heading.number,
        current: { value: dec(r.value), enteredCumulative: r.cumulativeEntered === null ? null : dec(r.cumulativeEntered) },
        earlier: h?.earlier ?? new Map(),
        lastYear: h?.lastYear ?? new Map(),
        annualPlan: plans.get(r.indicatorCode) ?? null,
      });
      return {
        period: code,
        unitCode: r.unitCode,
        unitName: r.unitName,
        indicatorCode: r.indicatorCode,
        indicatorName: r.name,
        unitOfMeasure: r.unitOfMeasure,
        value: canonicalDecimal(r.value),
        cumulative: text(d.cumulative),
        planPct: text(d.planPct),
        samePeriodPct: text(r.samePeriodStyle === 'ratio' ? d.samePeriodRatioPct : d.samePeriodChangePct),
        samePeriodStyle: r.samePeriodStyle,
        submissionId: r.submissionId,
        status: r.status,
      };
    });
    return { period: { ...heading, id: periodId, code }, rows, sources };
  }
}
