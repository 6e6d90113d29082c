import type { Role } from '@app/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportingUnit } from './reporting-unit.entity';

@Entity('users')
@Check(`"role" IN ('officer', 'reviewer', 'signer', 'clerk', 'admin')`)
@Check(`("role" = 'officer') = ("unit_id" IS NOT NULL)`)
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) username: string;
  @Column({ type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) fullName: string;
  @Column({ type: 'text' }) role: Role;
  /** set for officers only: the unit whose forms they fill */
  @Column({ type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** reviewers who head the office (Chánh/Phó Chánh Văn phòng): escalations go to them */
  @Column({ type: 'boolean', default: false }) isLead: boolean;
  @Column({ type: 'boolean', default: true }) active: boolean;
  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: ReportingUnit;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
