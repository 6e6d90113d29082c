import { FormSection, FormSectionUnit, Indicator } from '@app/database';
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
 * What one unit fills in one form version. A form version never changes once published, so the
 * answer is cached for the life of the process: the hot path (saving values) asks it every time.
 */
@Injectable()
export class FormCatalogService {
  private readonly cache = new Map<string, Promise<UnitForm>>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  unitForm(templateId: string, unitId: string): Promise<UnitForm> {
    const key = `${templateId}:${unitId}`;
    let form = this.cache.get(key);
    if (!form) {
      form = this.load(templateId, unitId);
      form.catch(() => this.cache.delete(key));
      this.cache.set(key, form);
    }
    return form;
  }

  private async load(templateId: string, unitId: string): Promise<UnitForm> {
    const sections = await this.db
      .getRepository(FormSection)
      .createQueryBuilder('s')
      .innerJoin(FormSectionUnit, 'su', 'su.section_id = s.id AND su.unit_id = :unitId', { unitId })
      .where('s.template_id = :templateId', { templateId })
      .orderBy('s.position')
      .getMany();
    const sectionIds = sections.map((s) => s.id);
    const rows = sectionIds.length
      ? await this.db
          .getRepository(Indicator)
          .createQueryBuilder('i')
          .where('i.section_id IN (:...sectionIds)', { sectionIds })
          .orderBy('i.position')
          .getMany()
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
