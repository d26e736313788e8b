import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SubmissionEntity } from './submission.entity';

@Injectable()
export class SubmissionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  save(s: Omit<SubmissionEntity, 'createdAt'>): Promise<SubmissionEntity> {
    return this.db.getRepository(SubmissionEntity).save(s);
  }

  /** Submissions of an exercise, of one user or (userId null) everyone's, newest first. */
  list(exerciseId: string, userId: string | null): Promise<SubmissionEntity[]> {
    return this.db.getRepository(SubmissionEntity).find({ where: userId ? { exerciseId, userId } : { exerciseId }, order: { createdAt: 'DESC' } });
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
