import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DOUBLE_TYPE } from '../database/column-types';

/** A graded answer: who, which exercise, the score, and the full verdict (cells, diagnoses). */
@Entity('submissions')
@Index(['exerciseId', 'userId'])
export class SubmissionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 128 })
  exerciseId: string;

  @Column('varchar', { length: 36 })
  userId: string;

  @Column('varchar', { length: 64 })
  username: string;

  /** The workspace (class) the answer was submitted in; null for an admin trying an unassigned exercise. */
  @Column('varchar', { length: 36, nullable: true })
  workspaceId: string | null;

  /** Set when the answer was refused but counts as a try (EMPTY_ANSWER). */
  @Column('varchar', { length: 32, nullable: true })
  refused: string | null;

  @Column('varchar', { length: 255 })
  fileName: string;

  @Column({ type: DOUBLE_TYPE })
  score: number;

  @Column({ type: DOUBLE_TYPE })
  maxScore: number;

  /** Null for a refused answer. */
  @Column('simple-json', { nullable: true })
  result: unknown;

  @CreateDateColumn()
  createdAt: Date;
}
