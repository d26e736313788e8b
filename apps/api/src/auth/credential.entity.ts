import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { TIMESTAMP_TYPE } from '../database/column-types';

/** A login session (cookie) or a personal API token; only the SHA-256 of the secret is stored. */
@Entity('credentials')
@Index(['userId'])
export class CredentialEntity {
  @PrimaryColumn('varchar', { length: 64 })
  secretHash: string;

  @Column('varchar', { length: 36 })
  userId: string;

  @Column('varchar', { length: 8 })
  kind: 'session' | 'token';

  @Column('varchar', { length: 64, nullable: true })
  name: string | null;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  expiresAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
