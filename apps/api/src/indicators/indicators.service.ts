import { findApprovedSeriesFigures, findCatalogueIndicator, findIndicatorPlans, findUnitByCode, findUnitsByIds, listIndicatorCatalogue, loadIndicatorTransfers, SeriesFigureRow, UnitScope } from '@app/database';
import type { IndicatorCatalogueItem, IndicatorSeriesView } from '@app/contracts';
import { ApprovedFigure, cutoffWindow, DomainError, deriveExactSeries, exactOrNull, ExactValue, formatYearMonth, historySources, monthsBetween, parseExact, parseYearMonth } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { unitScopeOf } from '../common/unit-scope';
import { catalogueItem, PointSource, pointView } from './series-view';

export const indicatorNotFound = (code: string) => new DomainError('INDICATOR_NOT_FOUND', `Không có chỉ tiêu "${code}" trong biểu mẫu tháng.`);
const unitNotFound = () => new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị báo cáo.');

/** Chỉ tiêu: the catalogue of the monthly form's figures, and one indicator's approved monthly series. */
@Injectable()
export class IndicatorsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async catalogue(): Promise<IndicatorCatalogueItem[]> {
    return (await listIndicatorCatalogue(this.db)).map(catalogueItem);
  }

  /** The dashboard's key indicators (config/dashboard/key-indicators.json), in its order; codes not in the form are left out. */
  async key(codes: string[]): Promise<IndicatorCatalogueItem[]> {
    const byCode = new Map((await this.catalogue()).map((i) => [i.code, i]));
    return codes.flatMap((c) => byCode.get(c) ?? []);
  }

  /**
   * For each unit the caller may see (or the one asked for): every month from `from` to `to` with
   * the approved figure, its cumulative, % of plan and % vs the same period, derived from the same
   * basis and by the same code as the submission view, and the submission it comes from.
   */
  async series(actor: Actor, code: string, fromText: string, toText: string, unitCode?: string): Promise<IndicatorSeriesView> {
    const from = parseYearMonth(fromText, 'from');
    const to = parseYearMonth(toText, 'to');
    monthsBetween(from, to); // refuses a reversed or too long range before any query
    const scope = unitScopeOf(actor);
    const unitId = unitCode === undefined ? null : await this.visibleUnitId(scope, unitCode);
    // one round trip: the indicator, its figures (from the year before `from`: a point's cumulative and
    // "cùng kỳ" are taken on its year and the one before) and its plans
    const [row, figures, plans] = await Promise.all([
      findCatalogueIndicator(this.db, code),
      findApprovedSeriesFigures(this.db, code, from.year - 1, to.year, scope, unitId),
      findIndicatorPlans(this.db, code, from.year, to.year),
    ]);
    if (!row) throw indicatorNotFound(code);
    const planByYear = new Map(plans.map((p) => [p.year, parseExact(p.target)]));
    const byUnit = groupByUnit(figures);
    const unitIds = this.seriesUnits(row.units.map((u) => u.id), byUnit, scope, unitId);
    const known = new Map(row.units.map((u) => [u.id, u]));
    const others = unitIds.filter((id) => !known.has(id));
    for (const u of others.length ? await findUnitsByIds(this.db, others) : []) known.set(u.id, u);
    const units = unitIds.map((id) => known.get(id)!).filter(Boolean).sort((a, b) => a.code.localeCompare(b.code));
    await this.addPredecessorFigures(code, units.map((u) => u.id), byUnit, from.year - 1, to.year);
    const item = catalogueItem(row);
    return {
      indicator: item,
      from: formatYearMonth(from),
      to: formatYearMonth(to),
      series: units.map((unit) => ({
        unit,
        points: deriveExactSeries(item.rule, byUnit.get(unit.id) ?? [], planByYear, from, to).map(pointView),
      })),
    };
  }

  /**
   * A unit that took the indicator over in a restructuring: its series before the transfer is its
   * predecessors' approved figures (each point names the predecessor's submission), so its
   * cumulative and "cùng kỳ" stay whole across the change.
   */
  private async addPredecessorFigures(code: string, unitIds: string[], byUnit: Map<string, Array<ApprovedFigure<PointSource, ExactValue>>>, fromYear: number, toYear: number): Promise<void> {
    const transfers = (await loadIndicatorTransfers(this.db)).filter((t) => t.code === code);
    for (const unitId of unitIds) {
      const sources = historySources(unitId, code, transfers).filter((x) => x.before !== null);
      if (sources.length === 0) continue;
      const own = byUnit.get(unitId) ?? [];
      const taken = new Set(own.map((f) => f.year * 100 + f.month));
      for (const source of sources) {
        const rows = await findApprovedSeriesFigures(this.db, code, fromYear, toYear, { kind: 'all' }, source.unitId);
        const before = rows.filter((r) => cutoffWindow('month', r.year, r.month).to < source.before! && !taken.has(r.year * 100 + r.month));
        for (const f of groupByUnit(before).get(source.unitId) ?? []) {
          own.push(f);
          taken.add(f.year * 100 + f.month);
        }
      }
      byUnit.set(unitId, own);
    }
  }

  /** The units shown: the one asked for; else the caller's own; else those that fill the indicator or have figures of it. */
  private seriesUnits(filling: string[], byUnit: Map<string, unknown>, scope: UnitScope, unitId: string | null): string[] {
    if (unitId !== null) return [unitId];
    if (scope.kind === 'unit') return [scope.unitId];
    return [...new Set([...filling, ...byUnit.keys()])];
  }

  /** An officer asking for another unit gets "not found", as for its submissions: its existence is not leaked. */
  private async visibleUnitId(scope: UnitScope, unitCode: string): Promise<string> {
    const unit = await findUnitByCode(this.db, unitCode);
    if (!unit || (scope.kind === 'unit' && scope.unitId !== unit.id)) throw unitNotFound();
    return unit.id;
  }
}

function groupByUnit(rows: SeriesFigureRow[]): Map<string, Array<ApprovedFigure<PointSource, ExactValue>>> {
  const out = new Map<string, Array<ApprovedFigure<PointSource, ExactValue>>>();
  for (const r of rows) {
    let list = out.get(r.unitId);
    if (!list) out.set(r.unitId, (list = []));
    list.push({
      year: r.year,
      month: r.month,
      value: exactOrNull(r.value),
      enteredCumulative: exactOrNull(r.cumulativeEntered),
      source: { submissionId: r.submissionId, periodId: r.periodId, approvedAt: r.approvedAt },
    });
  }
  return out;
}
