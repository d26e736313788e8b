import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP_TYPE } from '../database/column-types';

/** An exercise given to a workspace (a class), with its feedback policy there. */
@Entity('exercise_assignments')
export class AssignmentEntity {
  @PrimaryColumn('varchar', { length: 128 })
  exerciseId: string;

  @PrimaryColumn('varchar', { length: 36 })
  workspaceId: string;

  /** `practice`: right/wrong per cell, expected values after N tries; `exam`: the score until released. */
  @Column('varchar', { length: 16, default: 'practice' })
  mode: string;

  @Column('integer', { default: 3 })
  revealAfter: number;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  releasedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
