import { AuditEntry, DeadlineExtension, FigureHistory, findSubmissionFigureRevisions, HistoryFigure, loadFigureHistory, loadPlans, Period, planDay, ReportingUnit, ReviewAction, Submission, SubmissionValue, User } from '@app/database';
import type { AuditRow, BasisView, RuleView, SubmissionListItem, SubmissionView, ValueView } from '@app/contracts';
import { CellValue, checkIndicatorRules, Dec, decimalTextOrNull as text, decOrNull, deriveFigures, PeriodFigure } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { FormCatalogService, FormIndicator } from '../forms/form-catalog.service';
import { MonthFiguresService } from './month-figures.service';
import { SubmissionAccess } from './submission-access.service';

/**
 * The audit's figures as exact decimal strings: pg hands jsonb to JSON.parse, which would make
 * doubles of them (and numeric(24,6) keeps trailing zeros: trim_scale drops them, as the view does).
 */
const figuresAsText = (column: string, key: string) =>
  `coalesce((SELECT jsonb_build_object('${key}', jsonb_object_agg(e.key, CASE jsonb_typeof(e.value)
       WHEN 'number' THEN to_jsonb(trim_scale((e.value #>> '{}')::numeric)::text) ELSE e.value END))
     FROM jsonb_each(CASE WHEN jsonb_typeof(${column} -> '${key}') = 'object' THEN ${column} -> '${key}' END) e
   HAVING count(*) > 0), '{}')`;
const auditSide = (column: string) => `${column} || ${figuresAsText(column, 'values')} || ${figuresAsText(column, 'cumulative')}`;

@Injectable()
export class SubmissionViewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: SubmissionAccess,
    private readonly forms: FormCatalogService,
    private readonly monthFigures: MonthFiguresService,
  ) {}

  async list(actor: Actor, periodId?: string): Promise<SubmissionListItem[]> {
    const qb = this.db
      .getRepository(Submission)
      .createQueryBuilder('s')
      .innerJoin(ReportingUnit, 'u', 'u.id = s.unit_id')
      .select(['s.id AS id', 's.unit_id AS "unitId"', 'u.code AS "unitCode"', 'u.name AS "unitName"'])
      .addSelect(['s.period_id AS "periodId"', 's.state AS state', 's.version AS version'])
      .addSelect(['s.submitted_at AS "submittedAt"', 's.approved_at AS "approvedAt"', 's.updated_at AS "updatedAt"'])
      // the unit's own deadline: its extension for the period, else the period's
      .innerJoin(Period, 'p', 'p.id = s.period_id')
      .leftJoin(DeadlineExtension, 'e', 'e.period_id = s.period_id AND e.unit_id = s.unit_id')
      .addSelect(['coalesce(e.deadline, p.deadline)::text AS deadline', 'e.id IS NOT NULL AS extended', 'e.reason AS "extensionReason"'])
      // the period board shows who did what last: one small subquery per row, on the (submission, created_at) index
      .addSelect(
        `(SELECT json_build_object('action', r.action, 'at', r.created_at, 'actorName', ru.full_name)
            FROM review_actions r JOIN users ru ON ru.id = r.actor_id
           WHERE r.submission_id = s.id ORDER BY r.created_at DESC LIMIT 1)`,
        'lastAction',
      )
      .orderBy('u.code');
    if (periodId) qb.andWhere('s.period_id = :periodId', { periodId });
    const scope = SubmissionAccess.unitScope(actor);
    if (scope !== null) qb.andWhere('s.unit_id = :scope', { scope });
    return qb.getRawMany();
  }

  async get(actor: Actor, id: string): Promise<SubmissionView> {
    const s = await this.access.findVisible(actor, id);
    const [unit, period, form, valueRows, reviews, extension] = await Promise.all([
      this.db.getRepository(ReportingUnit).findOneByOrFail({ id: s.unitId }),
      this.db.getRepository(Period).findOneByOrFail({ id: s.periodId }),
      this.forms.unitForm(s.formTemplateId, s.unitId, s.periodId),
      this.db.getRepository(SubmissionValue).find({ where: { submissionId: s.id } }),
      this.reviews(s.id),
      this.db.getRepository(DeadlineExtension).findOneBy({ periodId: s.periodId, unitId: s.unitId }),
    ]);
    const codes = form.indicators.map((i) => i.code);
    const [histories, plans, fromMonths, monthStates, revisions] = await Promise.all([
      loadFigureHistory(this.db, [s.unitId], period, codes),
      loadPlans(this.db, period.year, codes, planDay(period)),
      this.monthFigures.forUnit(s.unitId, period),
      this.monthFigures.monthStates(s.unitId, period),
      findSubmissionFigureRevisions(this.db, s.id),
    ]);
    const history: FigureHistory = histories.get(s.unitId) ?? new Map();
    const values = new Map(valueRows.map((v) => [v.indicatorCode, v]));
    const cells = new Map<string, CellValue>();
    for (const v of valueRows) {
      cells.set(v.indicatorCode, {
        numeric: decOrNull(v.numericValue),
        text: v.textValue,
        enteredCumulative: decOrNull(v.cumulativeEntered),
      });
    }

    return {
      id: s.id,
      unitId: s.unitId,
      unitCode: unit.code,
      unitName: unit.name,
      periodId: s.periodId,
      period: { type: period.type, year: period.year, number: period.number, deadline: period.deadline },
      // the unit's own deadline: its extension for the period, else the period's
      deadline: extension?.deadline ?? period.deadline,
      extension: extension ? { deadline: extension.deadline, reason: extension.reason } : null,
      state: s.state,
      version: s.version,
      // what JSON makes of a Date, said here so the type is the contract's
      submittedAt: s.submittedAt?.toISOString() ?? null,
      approvedAt: s.approvedAt?.toISOString() ?? null,
      sections: form.sections,
      values: form.indicators.map((indicator) =>
        this.valueView(indicator, values.get(indicator.code), period.number, history, plans.get(indicator.code) ?? null),
      ),
      problems: checkIndicatorRules(form.indicators, cells, { requireAll: true }),
      reviews,
      fromMonths,
      monthStates,
      figureRevisions: revisions.map(({ unitCode: _u, periodId: _p, ...r }) => ({
        ...r,
        submittedAt: new Date(r.submittedAt).toISOString(),
        decidedAt: r.decidedAt === null ? null : new Date(r.decidedAt).toISOString(),
      })),
    };
  }

  private valueView(
    indicator: FormIndicator,
    row: SubmissionValue | undefined,
    periodNumber: number,
    history: FigureHistory,
    plan: Dec | null,
  ): ValueView {
    const base = {
      indicatorCode: indicator.code,
      name: indicator.name,
      unit: indicator.unitOfMeasure,
      kind: indicator.kind,
      sectionCode: indicator.sectionCode,
      parentCode: indicator.parentCode,
      required: indicator.required,
      note: row?.note ?? null,
      status: row?.status ?? null,
      rule: ruleView(indicator),
    };
    if (indicator.kind === 'text') {
      return { ...base, value: row?.textValue ?? null, cumulativeEntered: null, derived: null, basis: null };
    }
    const current: PeriodFigure = {
      value: decOrNull(row?.numericValue),
      enteredCumulative: decOrNull(row?.cumulativeEntered),
    };
    const h = history.get(indicator.code);
    const d = deriveFigures({
      rule: indicator,
      periodNumber,
      current,
      earlier: h?.earlier ?? new Map(),
      lastYear: h?.lastYear ?? new Map(),
      annualPlan: plan,
    });
    return {
      ...base,
      value: text(current.value),
      cumulativeEntered: text(current.enteredCumulative),
      derived: {
        cumulative: text(d.cumulative),
        cumulativeSource: d.cumulativeSource,
        cumulativeMismatch: d.cumulativeMismatch,
        computedCumulative: text(d.computedCumulative),
        planPct: text(d.planPct),
        samePeriodChangePct: text(d.samePeriodChangePct),
        samePeriodRatioPct: text(d.samePeriodRatioPct),
        samePeriodBase: text(d.samePeriodBase),
        lastMonth: text(h?.earlier.get(periodNumber - 1)?.value ?? null),
        plan: text(plan),
      },
      basis: basisView(h, plan),
    };
  }

  private async reviews(submissionId: string) {
    const rows = await this.db
      .getRepository(ReviewAction)
      .createQueryBuilder('r')
      .innerJoin(User, 'u', 'u.id = r.actor_id')
      .select(['r.id AS id', 'r.action AS action', 'r.reason AS reason', 'r.comments AS comments'])
      .addSelect(['r.submission_version AS "submissionVersion"', 'r.created_at AS "createdAt"'])
      .addSelect(['u.username AS "actorUsername"', 'u.full_name AS "actorName"'])
      .where('r.submission_id = :submissionId', { submissionId })
      .orderBy('r.created_at')
      .getRawMany();
    return rows;
  }

  async audit(actor: Actor, id: string): Promise<AuditRow[]> {
    const s = await this.access.findVisible(actor, id);
    return this.db
      .getRepository(AuditEntry)
      .createQueryBuilder('a')
      .leftJoin(User, 'u', 'u.id = a.actor_id')
      .select(['a.id AS id', 'a.action AS action', `${auditSide('a.before')} AS before`, `${auditSide('a.after')} AS after`, 'a.at AS at'])
      .addSelect(['a.actor_id AS "actorId"', 'u.username AS "actorUsername"'])
      .where('a.submission_id = :id', { id: s.id })
      .orderBy('a.id')
      .getRawMany()
      .then((rows) => rows.map((r) => ({ ...r, id: Number(r.id) })));
  }
}

/** The indicator's rules, so a screen can check and derive as the officer types (with the domain lib). */
function ruleView(i: FormIndicator): RuleView {
  return {
    hasCumulative: i.hasCumulative,
    hasPlan: i.hasPlan,
    hasSamePeriod: i.hasSamePeriod,
    compareOn: i.compareOn,
    samePeriodStyle: i.samePeriodStyle,
    decimals: i.decimals,
    aggregation: i.aggregation,
    integerOnly: i.integerOnly,
    min: text(i.min),
    max: text(i.max),
  };
}

/**
 * What `deriveFigures` was given besides the current figure: the earlier months of this year and
 * last year's months (exact decimal strings), and the annual plan. With these the screen recomputes
 * cumulative, % of plan and % vs same period on every keystroke, exactly as the server does.
 */
function basisView(h: { earlier: Map<number, HistoryFigure>; lastYear: Map<number, HistoryFigure> } | undefined, plan: Dec | null): BasisView {
  const list = (m: Map<number, HistoryFigure> | undefined) =>
    [...(m ?? new Map<number, HistoryFigure>()).entries()]
      .sort(([a], [b]) => a - b)
      .map(([period, f]) => ({ period, value: text(f.value), enteredCumulative: text(f.enteredCumulative), submissionId: f.submissionId, unitId: f.unitId }));
  return { earlier: list(h?.earlier), lastYear: list(h?.lastYear), plan: text(plan) };
}
