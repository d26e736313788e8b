import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A running (or crashed) API instance; alive exactly while it holds its advisory lock (PostgreSQL). */
@Entity('instances')
export class InstanceEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 255 })
  host: string;

  @Column('integer')
  pid: number;

  @CreateDateColumn()
  startedAt: Date;
}
