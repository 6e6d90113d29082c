import type { CatalogueIndicatorRow } from '@app/database';
import type { IndicatorCatalogueItem, SeriesPointView } from '@app/contracts';
import { decimalTextOrNull as text, ExactValue, formatYearMonth, SeriesPoint } from '@app/domain';

/** What a series point carries about its submission (the repository row's part of it). */
export interface PointSource {
  submissionId: string;
  periodId: string;
  approvedAt: Date | null;
}

export function catalogueItem(r: CatalogueIndicatorRow): IndicatorCatalogueItem {
  return {
    code: r.code,
    name: r.name,
    unitOfMeasure: r.unitOfMeasure,
    kind: r.kind,
    parentCode: r.parentCode,
    form: { code: r.formCode, version: r.formVersion },
    section: { code: r.sectionCode, title: r.sectionTitle, reportSection: r.reportSection },
    units: r.units,
    rule: {
      hasCumulative: r.hasCumulative,
      hasPlan: r.hasPlan,
      planBasis: r.planBasis,
      hasSamePeriod: r.hasSamePeriod,
      compareOn: r.compareOn,
      samePeriodStyle: r.samePeriodStyle,
      integerOnly: r.integerOnly,
      decimals: r.decimals,
    },
  };
}

/** A point as it goes out: figures as decimal strings, the source's date as ISO 8601. */
export function pointView(p: SeriesPoint<PointSource, ExactValue>): SeriesPointView {
  const d = p.derived;
  return {
    period: formatYearMonth(p),
    year: p.year,
    month: p.month,
    value: text(p.value),
    cumulative: text(d?.cumulative),
    cumulativeSource: d?.cumulativeSource ?? null,
    plan: text(p.plan),
    planPct: text(d?.planPct),
    samePeriodBase: text(d?.samePeriodBase),
    samePeriodChangePct: text(d?.samePeriodChangePct),
    samePeriodRatioPct: text(d?.samePeriodRatioPct),
    source: p.source ? { submissionId: p.source.submissionId, periodId: p.source.periodId, approvedAt: p.source.approvedAt?.toISOString() ?? null } : null,
  };
}
