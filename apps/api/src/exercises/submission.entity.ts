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

  @Column('varchar', { length: 255 })
  fileName: string;

  @Column({ type: DOUBLE_TYPE })
  score: number;

  @Column({ type: DOUBLE_TYPE })
  maxScore: number;

  @Column('simple-json')
  result: unknown;

  @CreateDateColumn()
  createdAt: Date;
}
