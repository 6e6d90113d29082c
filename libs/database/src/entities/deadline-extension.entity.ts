import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Period } from './period.entity';
import { ReportingUnit } from './reporting-unit.entity';
import { User } from './user.entity';

/** Gia hạn: an administrator gives one unit a later deadline for one period, with a reason. */
@Entity('deadline_extensions')
@Unique(['periodId', 'unitId'])
export class DeadlineExtension {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) periodId: string;
  @Column({ type: 'uuid' }) unitId: string;
  @Column({ type: 'date' }) deadline: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid' }) grantedBy: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @ManyToOne(() => Period, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: Period;
  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: ReportingUnit;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'granted_by' })
  grantedByUser?: User;
}
