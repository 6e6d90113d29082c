import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Period } from './period.entity';

/**
 * One version of a period's exchange document (the approved figures sent to the upper-level
 * reporting system). A new version is stored only when the figures differ from the last one (a
 * correction after approval); the document is kept byte for byte with its SHA-256.
 */
@Entity('exchange_exports')
@Unique(['periodId', 'version'])
export class ExchangeExport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) periodId: string;
  @Column({ type: 'int' }) version: number;
  /** SHA-256 of the figures alone (what decides whether a new version is needed) */
  @Column({ type: 'text' }) figuresSha256: string;
  /** SHA-256 of `body` */
  @Column({ type: 'text' }) sha256: string;
  /** the JSON document as served */
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => Period, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'period_id' })
  period?: Period;
}
