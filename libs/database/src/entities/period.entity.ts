import type { PeriodType } from '@app/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FormTemplate } from './form-template.entity';

/** Kỳ báo cáo: a month, quarter, half-year, nine months or year, with its cutoff window and deadline. */
@Entity('periods')
@Check(`"type" IN ('month', 'quarter', 'half_year', 'nine_months', 'year')`)
@Unique(['type', 'year', 'number'])
export class Period {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) type: PeriodType;
  @Column({ type: 'int' }) year: number;
  @Column({ type: 'int' }) number: number;
  @Column({ type: 'date' }) cutoffFrom: string;
  @Column({ type: 'date' }) cutoffTo: string;
  @Column({ type: 'date' }) deadline: string;
  @Column({ type: 'uuid' }) formTemplateId: string;
  @Column({ type: 'uuid', nullable: true }) openedBy: string | null;
  @ManyToOne(() => FormTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'form_template_id' })
  formTemplate?: FormTemplate;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
