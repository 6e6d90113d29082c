import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const UNIT_KINDS = [
  'provincial_office',
  'department',
  'provincial_board',
  'central_agency_in_province',
  'security_force',
  'local_government',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Sở, ban, ngành: a body that fills the monthly form. The list depends on the period (2025 mergers). */
@Entity('reporting_units')
@Check(`"effective_to" IS NULL OR "effective_to" >= "effective_from"`)
export class ReportingUnit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) kind: UnitKind;
  @Column({ type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'date' }) effectiveFrom: string;
  @Column({ type: 'date', nullable: true }) effectiveTo: string | null;
  @Column({ type: 'text', nullable: true }) mergedIntoCode: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
