import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

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

  @Column('real')
  score: number;

  @Column('real')
  maxScore: number;

  @Column('simple-json')
  result: unknown;

  @CreateDateColumn()
  createdAt: Date;
}
