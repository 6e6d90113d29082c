import type { MonthFigureView, MonthStateView } from '@app/contracts';
import { findUnitMonthStates, loadPlans, loadUnitMonthFigures, monthlyFormOf, planDay } from '@app/database';
import { decimalTextOrNull as text, decOrNull, derivePeriodFigures, MonthFigure, periodMonths, PeriodType } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FormCatalogService } from '../forms/form-catalog.service';

/**
 * The officer's form of a longer period shows, beside what the unit types for the period, its figures
 * of the monthly form computed from its approved months — by the same rules (domain lib) and from
 * the same months consolidation uses.
 */
@Injectable()
export class MonthFiguresService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly forms: FormCatalogService,
  ) {}

  /** Where each month of a longer period stands for the unit; null for a month. */
  async monthStates(unitId: string, period: { type: PeriodType; year: number; number: number }): Promise<MonthStateView[] | null> {
    if (period.type === 'month') return null;
    const { first, last } = periodMonths(period.type, period.number);
    const opened = new Map((await findUnitMonthStates(this.db, unitId, period.year, first, last)).map((r) => [r.month, r]));
    return Array.from({ length: last - first + 1 }, (_, i) => {
      const row = opened.get(first + i);
      return { month: first + i, state: row?.state ?? null, submissionId: row?.submissionId ?? null };
    });
  }

  async forUnit(unitId: string, period: { id: string; type: PeriodType; year: number; number: number }): Promise<MonthFigureView[] | null> {
    if (period.type === 'month') return null;
    const months = periodMonths(period.type, period.number);
    const formId = await monthlyFormOf(this.db, period.year, months.last);
    if (!formId) return [];
    const form = await this.forms.unitForm(formId, unitId, period.id);
    const indicators = form.indicators.filter((i) => i.kind !== 'text' && i.aggregation !== 'period');
    const codes = indicators.map((i) => i.code);
    if (codes.length === 0) return [];
    const [rows, plans] = await Promise.all([loadUnitMonthFigures(this.db, unitId, period.year, months.last, codes), loadPlans(this.db, period.year, codes, planDay(period))]);
    const byCode = new Map<string, { thisYear: Map<number, MonthFigure>; lastYear: Map<number, MonthFigure> }>();
    for (const r of rows) {
      let h = byCode.get(r.indicator_code);
      if (!h) byCode.set(r.indicator_code, (h = { thisYear: new Map(), lastYear: new Map() }));
      (r.year === period.year ? h.thisYear : h.lastYear).set(r.number, { value: decOrNull(r.numeric_value), enteredCumulative: decOrNull(r.cumulative_entered), ref: r.submission_id });
    }
    return indicators.map((i) => {
      const h = byCode.get(i.code) ?? { thisYear: new Map(), lastYear: new Map() };
      const d = derivePeriodFigures({ rule: i, months, thisYear: h.thisYear, lastYear: h.lastYear, annualPlan: plans.get(i.code) ?? null });
      return {
        indicatorCode: i.code,
        name: i.name,
        unit: i.unitOfMeasure,
        kind: i.kind,
        sectionCode: i.sectionCode,
        aggregation: i.aggregation,
        value: text(d.value),
        cumulative: text(d.cumulative),
        planPct: text(d.planPct),
        samePeriodChangePct: text(d.samePeriodChangePct),
        samePeriodRatioPct: text(d.samePeriodRatioPct),
        months: d.valueMonths.map((m) => ({ month: m, value: text(h.thisYear.get(m)?.value ?? null) })),
        missingMonths: d.missingMonths,
      };
    });
  }
}
