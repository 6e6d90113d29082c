import { findApprovedUnitFigures, findUnitsByIds, listIndicatorCatalogue, loadPlans } from '@app/database';
import type { FigureExportRow } from '@app/contracts';
import { ApprovedFigure, canonicalDecimal, Dec, decimalTextOrNull as text, decOrNull, deriveSeries, DomainError, formatYearMonth, monthsBetween, parseYearMonth } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';

/**
 * An officer's own unit's approved history, month by month, in the long format of the period
 * exports: each figure with the cumulative, % of plan and % vs same period that deriveSeries gives
 * (the series route's code, so the same numbers as the submission view).
 */
@Injectable()
export class UnitHistoryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async rows(actor: Actor, fromText: string, toText: string): Promise<{ unitCode: string; rows: FigureExportRow[] }> {
    if (actor.role !== 'officer' || !actor.unitId) throw new DomainError('FORBIDDEN', 'Chỉ cán bộ đơn vị xuất được lịch sử số liệu của đơn vị mình.');
    const from = parseYearMonth(fromText, 'from');
    const to = parseYearMonth(toText, 'to');
    monthsBetween(from, to);
    const [[unit], catalogue, figures] = await Promise.all([
      findUnitsByIds(this.db, [actor.unitId]),
      listIndicatorCatalogue(this.db),
      findApprovedUnitFigures(this.db, actor.unitId, from.year - 1, to.year),
    ]);
    const plans = await this.plans(catalogue.map((c) => c.code), from.year, to.year);
    const byCode = new Map<string, Array<ApprovedFigure<string>>>();
    const statusOf = new Map(figures.map((f) => [`${f.submissionId}/${f.indicatorCode}`, f.status]));
    for (const f of figures) {
      const list = byCode.get(f.indicatorCode) ?? [];
      list.push({ year: f.year, month: f.month, value: decOrNull(f.value), enteredCumulative: decOrNull(f.cumulativeEntered), source: f.submissionId });
      byCode.set(f.indicatorCode, list);
    }
    const rows: FigureExportRow[] = [];
    for (const c of catalogue) {
      const own = byCode.get(c.code);
      if (!own) continue;
      for (const p of deriveSeries(c, own, plans.get(c.code) ?? new Map(), from, to)) {
        if (p.value === null || p.source === null) continue;
        const d = p.derived!;
        rows.push({
          period: formatYearMonth(p), unitCode: unit.code, unitName: unit.name, indicatorCode: c.code, indicatorName: c.name,
          unitOfMeasure: c.unitOfMeasure, value: canonicalDecimal(p.value.toFixed()), cumulative: text(d.cumulative), planPct: text(d.planPct),
          samePeriodPct: text(c.samePeriodStyle === 'ratio' ? d.samePeriodRatioPct : d.samePeriodChangePct), samePeriodStyle: c.samePeriodStyle,
          submissionId: p.source, status: statusOf.get(`${p.source}/${c.code}`) ?? null,
        });
      }
    }
    rows.sort((a, b) => a.period.localeCompare(b.period));
    return { unitCode: unit.code, rows };
  }

  /** code → year → plan */
  private async plans(codes: string[], fromYear: number, toYear: number): Promise<Map<string, Map<number, Dec>>> {
    const out = new Map<string, Map<number, Dec>>();
    for (let year = fromYear; year <= toYear; year++) {
      for (const [code, target] of await loadPlans(this.db, year, codes)) {
        if (!out.has(code)) out.set(code, new Map());
        out.get(code)!.set(year, target);
      }
    }
    return out;
  }
}
