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
}
