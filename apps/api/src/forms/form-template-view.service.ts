import { FormSection, FormSectionUnit, FormTemplate, Indicator, listFormTemplateSummaries, ReportingUnit } from '@app/database';
import type { FormTemplateSummary, FormTemplateView } from '@app/contracts';
import { canonicalDecimal, DomainError } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { onTheWire } from '../common/on-the-wire';

/** Read-only views of the published form templates, for the administrator's "biểu mẫu" screen. */
@Injectable()
export class FormTemplateViewService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<FormTemplateSummary[]> {
    return (await listFormTemplateSummaries(this.db)).map(onTheWire);
  }

  async get(id: string): Promise<FormTemplateView> {
    const template = await this.db.getRepository(FormTemplate).findOneBy({ id });
    if (!template) throw new DomainError('NOT_FOUND', 'Không tìm thấy biểu mẫu.');
    const [sections, indicators, assignments] = await Promise.all([
      this.db.getRepository(FormSection).find({ where: { templateId: id }, order: { position: 'ASC' } }),
      this.db.getRepository(Indicator).find({ where: { templateId: id }, order: { position: 'ASC' } }),
      this.db
        .getRepository(FormSectionUnit)
        .createQueryBuilder('su')
        .innerJoin(FormSection, 's', 's.id = su.section_id AND s.template_id = :id', { id })
        .innerJoin(ReportingUnit, 'u', 'u.id = su.unit_id')
        .select(['su.section_id AS "sectionId"', 'u.code AS "unitCode"'])
        .orderBy('u.code')
        .getRawMany<{ sectionId: string; unitCode: string }>(),
    ]);
    return {
      id: template.id,
      code: template.code,
      version: template.version,
      name: template.name,
      periodTypes: template.periodTypes,
      deadlineRule: template.deadlineRule,
      sections: sections.map((s) => ({
        code: s.code,
        title: s.title,
        reportSection: s.reportSection,
        units: assignments.filter((a) => a.sectionId === s.id).map((a) => a.unitCode),
        indicators: indicators
          .filter((i) => i.sectionId === s.id)
          .map((i) => ({
            code: i.code,
            name: i.name,
            unit: i.unitOfMeasure,
            kind: i.kind,
            parentCode: i.parentCode,
            required: i.required,
            hasCumulative: i.hasCumulative,
            hasPlan: i.hasPlan,
            planBasis: i.planBasis,
            hasSamePeriod: i.hasSamePeriod,
            compareOn: i.compareOn,
            samePeriodStyle: i.samePeriodStyle,
            aggregation: i.aggregation,
            // bounds are figures: decimal strings as everywhere (the column keeps what the form file said)
            min: i.min === null ? null : canonicalDecimal(i.min),
            max: i.max === null ? null : canonicalDecimal(i.max),
            integerOnly: i.integerOnly,
            decimals: i.decimals,
          })),
      })),
    };
  }
}
