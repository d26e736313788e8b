import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { SubmissionEntity } from './submission.entity';

@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private get repo() {
    return this.db.getRepository(SubmissionEntity);
  }

  save(s: Omit<SubmissionEntity, 'createdAt'>): Promise<SubmissionEntity> {
    return this.repo.save(s);
  }

  /**
   * Submissions of an exercise, newest first: of one user (`userId`), of the given workspaces
   * (`workspaceIds`), or everyone's (both null).
   */
  list(exerciseId: string, filter: { userId?: string; workspaceIds?: string[] } = {}): Promise<SubmissionEntity[]> {
    const where = { exerciseId, ...(filter.userId ? { userId: filter.userId } : {}), ...(filter.workspaceIds ? { workspaceId: In(filter.workspaceIds) } : {}) };
    return this.repo.find({ where, order: { createdAt: 'DESC' } });
  }

  /** Tries of one user at an exercise in one workspace (refused empty answers included). */
  tries(exerciseId: string, userId: string, workspaceId: string | null): Promise<number> {
    return this.repo.count({ where: { exerciseId, userId, workspaceId: workspaceId ?? IsNull() } });
  }
}
