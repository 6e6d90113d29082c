import type { Aggregation, CompareOn, DeadlineRule, IndicatorKind, PeriodType, ReminderPolicy } from '@app/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ReportingUnit } from './reporting-unit.entity';

export type { DeadlineRule };

/**
 * Biểu mẫu: a versioned data form. A period is opened against one version of a form that names
 * the period's type among its `periodTypes` (which forms a period type uses is data).
 */
@Entity('form_templates')
@Unique(['code', 'version'])
export class FormTemplate {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', array: true }) periodTypes: PeriodType[];
  @Column({ type: 'jsonb', nullable: true }) deadlineRule: DeadlineRule | null;
  /** when to remind whom (data; absent fields take the defaults of the domain lib) */
  @Column({ type: 'jsonb', nullable: true }) reminderPolicy: Partial<ReminderPolicy> | null;
  /** the first day of the month from which the version serves new periods (null: from the beginning) */
  @Column({ type: 'date', nullable: true }) effectiveFrom: string | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}

@Entity('form_sections')
@Unique(['templateId', 'code'])
export class FormSection {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) templateId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) title: string;
  /** the section of the consolidated report this block feeds (II.1.1 …) */
  @Column({ type: 'text', nullable: true }) reportSection: string | null;
  @Column({ type: 'int' }) position: number;
  @ManyToOne(() => FormTemplate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id' })
  template?: FormTemplate;
}

/** Which units fill which sections. */
@Entity('form_section_units')
export class FormSectionUnit {
  @PrimaryColumn({ type: 'uuid' }) sectionId: string;
  @PrimaryColumn({ type: 'uuid' }) unitId: string;
  @ManyToOne(() => FormSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: FormSection;
  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: ReportingUnit;
}

@Entity('indicators')
@Check(`"kind" IN ('number', 'percent', 'text')`)
@Check(`"aggregation" IN ('flow', 'stock', 'average', 'to_date', 'period')`)
@Unique(['templateId', 'code'])
@Index('idx_indicators_code', ['code'])
export class Indicator {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) templateId: string;
  @Column({ type: 'uuid' }) sectionId: string;
  /** stable across template versions: history and plans are keyed by it */
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) unitOfMeasure: string | null;
  @Column({ type: 'text' }) kind: IndicatorKind;
  @Column({ type: 'text', nullable: true }) parentCode: string | null;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'boolean', default: false }) hasCumulative: boolean;
  @Column({ type: 'boolean', default: false }) hasPlan: boolean;
  @Column({ type: 'text', nullable: true }) planBasis: string | null;
  @Column({ type: 'boolean', default: false }) hasSamePeriod: boolean;
  @Column({ type: 'text', default: 'value' }) compareOn: CompareOn;
  @Column({ type: 'text', default: 'change' }) samePeriodStyle: 'change' | 'ratio';
  /** how a longer period's figure comes from the months (flow, stock, average, to_date), or `period`: entered for the period */
  @Column({ type: 'text', default: 'to_date' }) aggregation: Aggregation;
  @Column({ type: 'boolean', default: false }) required: boolean;
  @Column({ type: 'numeric', nullable: true }) min: string | null;
  @Column({ type: 'numeric', nullable: true }) max: string | null;
  @Column({ type: 'boolean', default: false }) integerOnly: boolean;
  /** decimals the report prints this figure with */
  @Column({ type: 'int', nullable: true }) decimals: number | null;
  @ManyToOne(() => FormTemplate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id' })
  template?: FormTemplate;
  @ManyToOne(() => FormSection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'section_id' })
  section?: FormSection;
}

/** Kế hoạch năm (or dự toán): the annual target of an indicator. */
@Entity('indicator_plans')
export class IndicatorPlan {
  @PrimaryColumn({ type: 'text' }) indicatorCode: string;
  @PrimaryColumn({ type: 'int' }) year: number;
  @Column({ type: 'numeric' }) target: string;
}
