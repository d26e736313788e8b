import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AssignmentEntity } from './assignment.entity';

export interface Assignment {
  exerciseId: string;
  workspaceId: string;
  mode: 'practice' | 'exam';
  revealAfter: number;
  releasedAt: Date | null;
}

const toAssignment = (a: AssignmentEntity): Assignment => ({
  exerciseId: a.exerciseId,
  workspaceId: a.workspaceId,
  mode: a.mode === 'exam' ? 'exam' : 'practice',
  revealAfter: a.revealAfter,
  releasedAt: a.releasedAt,
});

@Injectable()
export class AssignmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(AssignmentEntity);
  }

  async all(): Promise<Assignment[]> {
    return (await this.repo.find()).map(toAssignment);
  }

  /** Assignments in the given workspaces (null: every workspace). */
  async inWorkspaces(workspaceIds: string[] | null, exerciseId?: string): Promise<Assignment[]> {
    const where = { ...(workspaceIds ? { workspaceId: In(workspaceIds) } : {}), ...(exerciseId ? { exerciseId } : {}) };
    return (await this.repo.find({ where, order: { createdAt: 'ASC' } })).map(toAssignment);
  }

  async one(exerciseId: string, workspaceId: string): Promise<Assignment | null> {
    const a = await this.repo.findOneBy({ exerciseId, workspaceId });
    return a ? toAssignment(a) : null;
  }

  async save(a: Assignment): Promise<Assignment> {
    return toAssignment(await this.repo.save(a));
  }

  async remove(exerciseId: string, workspaceId: string): Promise<boolean> {
    return ((await this.repo.delete({ exerciseId, workspaceId })).affected ?? 0) > 0;
  }
}
