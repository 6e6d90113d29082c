import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * One refresh token of a session. Only its SHA-256 is stored. Each use replaces it by a new one of
 * the same family (the session); a token used a second time means it was copied, and the whole
 * family is revoked.
 */
@Entity('refresh_tokens')
@Index(['userId'])
@Index(['familyId'])
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) familyId: string;
  @Column({ type: 'uuid' }) userId: string;
  @Column({ type: 'text', unique: true }) tokenHash: string;
  /** the user's session generation when it was issued */
  @Column({ type: 'integer' }) generation: number;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  /** when it was exchanged for its successor */
  @Column({ type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
