import { findCodesHeldOn, findPeriodDates, FormSection, Indicator } from '@app/database';
import { Aggregation, CompareOn, dec, hasDraftRules, IndicatorKind, IndicatorRule } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface FormIndicator extends IndicatorRule {
  sectionCode: string;
  unitOfMeasure: string | null;
  hasCumulative: boolean;
  hasPlan: boolean;
  planBasis: string | null;
  hasSamePeriod: boolean;
  compareOn: CompareOn;
  samePeriodStyle: 'change' | 'ratio';
  decimals: number | null;
  kind: IndicatorKind;
  aggregation: Aggregation;
}

export interface UnitForm {
  sections: Array<{ code: string; title: string; reportSection: string | null }>;
  indicators: FormIndicator[];
  byCode: ReadonlyMap<string, FormIndicator>;
  /** the indicators whose figures `checkIndicatorRules` looks at in a draft (see hasDraftRules) */
  draftChecked: ReadonlySet<string>;
}

/**
 * What one unit fills in one form version for one period: the sections the form assigns it, and the
 * indicators it took over in a restructuring in force by the period's last day (same codes, same
 * sections). A form version never changes once published, and a restructuring may not reach back
 * into a period already opened, so the answer is cached for the life of the process: the hot path
 * (saving values) asks it every time.
 */
@Injectable()
export class FormCatalogService {
  private readonly cache = new Map<string, Promise<UnitForm>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  unitForm(templateId: string, unitId: string, periodId: string): Promise<UnitForm> {
    const key = `${templateId}:${unitId}:${periodId}`;
    let form = this.cache.get(key);
    if (!form) {
      form = this.load(templateId, unitId, periodId);
      form.catch(() => this.cache.delete(key));
      this.cache.set(key, form);
    }
    return form;
  }

  private async load(templateId: string, unitId: string, periodId: string): Promise<UnitForm> {
    const period = await findPeriodDates(this.db, periodId);
    const held = period ? [...(await findCodesHeldOn(this.db, templateId, unitId, period.cutoffTo))] : [];
    const rows = held.length
      ? await this.db
          .getRepository(Indicator)
          .createQueryBuilder('i')
          .where('i.template_id = :templateId AND i.code IN (:...held)', { templateId, held })
          .getMany()
      : [];
    const sectionIds = [...new Set(rows.map((i) => i.sectionId))];
    const sections = sectionIds.length
      ? await this.db.getRepository(FormSection).createQueryBuilder('s').where('s.id IN (:...sectionIds)', { sectionIds }).orderBy('s.position').getMany()
      : [];
    const sectionCode = new Map(sections.map((s) => [s.id, s.code]));
    const position = new Map(sections.map((s, i) => [s.id, i]));
    rows.sort((a, b) => position.get(a.sectionId)! - position.get(b.sectionId)! || a.position - b.position);
    const indicators: FormIndicator[] = rows.map((i) => ({
      code: i.code,
      name: i.name,
      kind: i.kind,
      required: i.required,
      min: i.min === null ? null : dec(i.min),
      max: i.max === null ? null : dec(i.max),
      integerOnly: i.integerOnly,
      parentCode: i.parentCode,
      sectionCode: sectionCode.get(i.sectionId)!,
      unitOfMeasure: i.unitOfMeasure,
      hasCumulative: i.hasCumulative,
      hasPlan: i.hasPlan,
      planBasis: i.planBasis,
      hasSamePeriod: i.hasSamePeriod,
      compareOn: i.compareOn,
      samePeriodStyle: i.samePeriodStyle,
      decimals: i.decimals,
      aggregation: i.aggregation,
    }));
    const parentCodes = new Set(indicators.flatMap((i) => (i.parentCode === null ? [] : [i.parentCode])));
    return {
      sections: sections.map((s) => ({ code: s.code, title: s.title, reportSection: s.reportSection })),
      indicators,
      byCode: new Map(indicators.map((i) => [i.code, i])),
      draftChecked: new Set(indicators.filter((i) => hasDraftRules(i, parentCodes)).map((i) => i.code)),
    };
  }
}
