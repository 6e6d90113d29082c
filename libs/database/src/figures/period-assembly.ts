import {
  ComposeInput,
  deriveExactPeriodFigures,
  ExactValue,
  exactOrNull,
  FigureInput,
  IndicatorInfo,
  MonthFigure,
  MonthSource,
  periodMonths,
  PeriodType,
  provenanceValue,
  reportPeriod,
  ReportTemplate,
  Revision,
  ValueStatus,
} from '@app/domain';
import type { RevisedMonthRow } from '../repositories/figure-revisions.repository';
import type { IndicatorRow, UnitRow, ValueRow } from './consolidation-input';

/** One approved month's figure of one indicator (whichever unit's submission carries it). */
export interface MonthValueRow {
  year: number;
  number: number;
  submission_id: string;
  indicator_code: string;
  numeric_value: string | null;
  cumulative_entered: string | null;
  /** ước / sơ bộ / chính thức, where stated */
  status?: ValueStatus | null;
}

/** How far a month of the period is: opened or not, its submissions and how many are approved. */
export interface MonthStatusRow {
  number: number;
  total: number;
  approved: number;
}

/** What a longer period's consolidation reads, as the queries return it. */
export interface PeriodRows {
  period: { type: PeriodType; year: number; number: number };
  /** the monthly form's indicators, in form order, with the unit that reports each */
  monthIndicators: IndicatorRow[];
  /** the period's own form's indicators (figures only for the period, narratives) */
  periodIndicators: IndicatorRow[];
  /** the period's own units, with their submission and its state */
  units: UnitRow[];
  /** the values of the period's own approved submissions */
  values: ValueRow[];
  /** last year's same period: its approved own values by indicator code */
  lastYearValues: Array<{ indicator_code: string; numeric_value: string | null }>;
  /** approved months of this year and last, months 1 … the period's last */
  months: MonthValueRow[];
  /** the period's months of this year that were opened */
  monthStatus: MonthStatusRow[];
  /** annual plans by indicator code */
  plans: Map<string, ExactValue>;
  /** figures of this year's months and of the period's own submissions that a later version (an official figure) replaced */
  revised?: RevisedMonthRow[];
}

/** Where a month's figure came from: its submission, its status, what an official figure replaced. */
interface MonthRef {
  id: string;
  status: ValueStatus | null;
  revised: Revision | null;
}
type Months = Map<number, MonthFigure<ExactValue, MonthRef>>;

const revisionKey = (submissionId: string, code: string) => `${submissionId}:${code}`;

/** The revised figures by submission and indicator (none in most periods). */
export function revisionsByFigure(rows: RevisedMonthRow[] | undefined): Map<string, Revision> {
  return new Map((rows ?? []).map((r) => [revisionKey(r.submission_id, r.indicator_code), { previousValue: r.previous_value, previousStatus: r.previous_status }]));
}

/** The months' figures by indicator code, this year's and last year's. */
function monthsByCode(rows: MonthValueRow[], year: number, revised: Map<string, Revision>): Map<string, { thisYear: Months; lastYear: Months }> {
  const out = new Map<string, { thisYear: Months; lastYear: Months }>();
  for (const r of rows) {
    let h = out.get(r.indicator_code);
    if (!h) out.set(r.indicator_code, (h = { thisYear: new Map(), lastYear: new Map() }));
    const ref: MonthRef = { id: r.submission_id, status: r.status ?? null, revised: revised.size ? (revised.get(revisionKey(r.submission_id, r.indicator_code)) ?? null) : null };
    (r.year === year ? h.thisYear : h.lastYear).set(r.number, { value: exactOrNull(r.numeric_value), enteredCumulative: exactOrNull(r.cumulative_entered), ref });
  }
  return out;
}

const info = (i: IndicatorRow): IndicatorInfo => ({
  code: i.code, unitCode: i.unit_code, name: i.name, unitOfMeasure: i.unit_of_measure, kind: i.kind, decimals: i.decimals,
  parentCode: i.parent_code, hasCumulative: i.has_cumulative, planBasis: i.plan_basis, samePeriodStyle: i.same_period_style,
});

const ruleOf = (i: IndicatorRow) => ({ aggregation: i.aggregation, hasCumulative: i.has_cumulative, hasPlan: i.has_plan, hasSamePeriod: i.has_same_period, compareOn: i.compare_on });

/**
 * The compose input of a quarter, six months, nine months or a year (pure; the bench runs it too):
 * each figure of the monthly form from the approved months by its indicator's rule (sum, end of
 * period, mean, last reported), its cumulative since January, % of the annual plan and % vs the
 * same period of last year by the same rule, each with the months it was taken from; and the
 * period's own figures and narratives from its approved submissions.
 */
export function assemblePeriodInput(rows: PeriodRows, template: ReportTemplate, signerName: string | null): ComposeInput & { submissionIds: string[] } {
  const { period } = rows;
  const months = periodMonths(period.type, period.number);
  const revised = revisionsByFigure(rows.revised);
  const byCode = monthsByCode(rows.months, period.year, revised);
  const indicators = new Map<string, IndicatorInfo>();
  const figures = new Map<string, FigureInput>();
  const noMonths: Months = new Map();
  // a month's source once per (submission, month): a figure, its cumulative and its percentages share the lists
  const sourceLists = new Map<string, MonthSource[]>();

  for (const i of rows.monthIndicators) {
    indicators.set(i.code, info(i));
    if (i.kind === 'text') continue;
    const h = byCode.get(i.code);
    if (!h) continue;
    const plan = rows.plans.get(i.code) ?? null;
    const d = deriveExactPeriodFigures({ rule: ruleOf(i), months, thisYear: h.thisYear, lastYear: h.lastYear, annualPlan: plan });
    if (d.value === null && d.cumulative === null) continue;
    // the lists are runs of consecutive months: first and length name one
    const list = (ms: number[]): MonthSource[] => {
      const key = ms.length ? `${i.code}:${ms[0]}:${ms.length}` : '';
      let out = sourceLists.get(key);
      if (!out) {
        out = ms.map((m) => {
          const f = h.thisYear.get(m)!;
          const source: MonthSource = { month: m, submissionId: f.ref.id, value: provenanceValue(f.value ?? f.enteredCumulative!) };
          if (f.ref.status) source.status = f.ref.status;
          if (f.ref.revised) source.revised = f.ref.revised;
          return source;
        });
        sourceLists.set(key, out);
      }
      return out;
    };
    const last = [...d.valueMonths, ...d.cumulativeMonths].reduce((a, b) => Math.max(a, b), 0);
    figures.set(i.code, {
      submissionId: h.thisYear.get(last)!.ref.id,
      unitCode: i.unit_code,
      value: d.value,
      text: null,
      cumulative: d.cumulative,
      planPct: d.planPct,
      samePeriodChangePct: d.samePeriodChangePct,
      samePeriodRatioPct: d.samePeriodRatioPct,
      plan,
      months: { value: list(d.valueMonths), cumulative: list(d.cumulativeMonths), basis: list(d.basisMonths) },
    });
  }

  // the period's own figures: entered for the period, compared with the plan and last year's same period
  const own = rows.units.filter((u) => u.state === 'approved');
  const bySubmission = new Map(own.map((u) => [u.submission_id, u]));
  const periodRule = new Map(rows.periodIndicators.map((i) => [i.code, i]));
  const lastYear = new Map(rows.lastYearValues.map((v) => [v.indicator_code, exactOrNull(v.numeric_value)]));
  for (const i of rows.periodIndicators) if (!indicators.has(i.code)) indicators.set(i.code, info(i));
  for (const v of rows.values) {
    const unit = bySubmission.get(v.submission_id);
    const i = periodRule.get(v.indicator_code);
    if (!unit || !i) continue;
    const plan = rows.plans.get(i.code) ?? null;
    const value = exactOrNull(v.numeric_value);
    const base: FigureInput = {
      submissionId: v.submission_id, unitCode: unit.code, value, text: v.text_value,
      cumulative: null, planPct: null, samePeriodChangePct: null, samePeriodRatioPct: null, plan,
      status: v.status ?? null, revised: revised.get(revisionKey(v.submission_id, v.indicator_code)) ?? null,
    };
    if (i.kind !== 'text') {
      const d = deriveExactPeriodFigures({
        rule: { ...ruleOf(i), aggregation: 'period' }, months, thisYear: noMonths, lastYear: noMonths,
        entered: value, enteredLastYear: lastYear.get(i.code) ?? null, annualPlan: plan,
      });
      Object.assign(base, { planPct: d.planPct, samePeriodChangePct: d.samePeriodChangePct, samePeriodRatioPct: d.samePeriodRatioPct });
    }
    figures.set(v.indicator_code, base);
  }

  return {
    template,
    period: reportPeriod(period.type, period.year, period.number),
    indicators,
    figures,
    units: rows.units.map((u) => ({ code: u.code, name: u.name, approved: u.state === 'approved' })),
    notices: monthNotices(rows.monthStatus, months, period.year),
    signerName,
    // the period's own submissions and every month's it sums or compares with
    submissionIds: [...new Set([...own.map((u) => u.submission_id), ...rows.months.map((r) => r.submission_id)])],
  };
}

/** For the office: the months of the period whose figures are not all approved yet. */
export function monthNotices(status: MonthStatusRow[], months: { first: number; last: number }, year: number): string[] {
  const out: string[] = [];
  const byNumber = new Map(status.map((s) => [s.number, s]));
  for (let m = months.first; m <= months.last; m++) {
    const s = byNumber.get(m);
    if (!s) out.push(`Kỳ báo cáo tháng ${m}/${year} chưa được mở: số liệu của tháng này chưa có trong báo cáo.`);
    else if (s.approved < s.total) out.push(`Tháng ${m}/${year} còn ${s.total - s.approved}/${s.total} báo cáo của đơn vị chưa được duyệt: số liệu của các đơn vị này chưa có trong báo cáo.`);
  }
  return out;
}
