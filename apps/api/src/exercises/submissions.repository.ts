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

  /** Per exercise, how often this user submitted and their best score (for the exercise list's badges). */
  async progressOf(userId: string): Promise<Map<string, { attempts: number; best: number; maxScore: number }>> {
    const rows = await this.db.getRepository(SubmissionEntity).find({ where: { userId }, select: { exerciseId: true, score: true, maxScore: true } });
    const out = new Map<string, { attempts: number; best: number; maxScore: number }>();
    for (const r of rows) {
      const cur = out.get(r.exerciseId);
      if (!cur) out.set(r.exerciseId, { attempts: 1, best: r.score, maxScore: r.maxScore });
      else {
        cur.attempts++;
        if (r.score > cur.best) [cur.best, cur.maxScore] = [r.score, r.maxScore];
      }
    }
    return out;
  }
}
