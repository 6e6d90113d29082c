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
  /**
   * bumped by logout, a password change or reset, deactivation and a role change: every access and
   * refresh token carries the generation it was issued under, and one issued before the bump is refused
   */
  @Column({ type: 'integer', default: 0 }) sessionGeneration: number;
  /** a password the administrator set: the user must choose their own before doing anything else */
  @Column({ type: 'boolean', default: false }) mustChangePassword: boolean;
  /** created by `npm run demo` with the published demo password: a production start disables it */
  @Column({ type: 'boolean', default: false }) isDemo: boolean;
  @ManyToOne(() => ReportingUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: ReportingUnit;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
