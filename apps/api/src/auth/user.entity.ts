import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { TIMESTAMP_TYPE } from '../database/column-types';

@Entity('users')
export class UserEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 64, unique: true })
  username: string;

  @Column('varchar', { length: 255 })
  passwordHash: string;

  @Column('varchar', { length: 16 })
  role: string;

  @Column({ type: TIMESTAMP_TYPE, nullable: true })
  lastLoginAt: Date | null;

  /** A disabled user cannot sign in; their sessions and tokens were ended when disabled. */
  @Column('boolean', { default: false })
  disabled: boolean;

  @CreateDateColumn()
  createdAt: Date;
}
