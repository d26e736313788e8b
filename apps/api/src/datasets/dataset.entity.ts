import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One committed import: its Arrow file, its provenance and its import report. */
@Entity('datasets')
@Index(['workspaceId', 'kind', 'seq'])
export class DatasetEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  workspaceId: string;

  @Column('varchar', { length: 16 })
  kind: string;

  /** Import order within the installation: later imports win on overlapping keys. */
  @Column('integer', { unique: true })
  seq: number;

  @Column('varchar', { length: 255 })
  fileName: string;

  @Column('varchar', { length: 64 })
  sourceSha256: string;

  @Column('integer')
  sourceBytes: number;

  @Column('varchar', { length: 64 })
  arrowSha256: string;

  @Column('integer')
  rowCount: number;

  @Column('simple-json')
  keyFields: string[];

  @Column('simple-json')
  columns: unknown;

  @Column('simple-json')
  report: unknown;

  @CreateDateColumn()
  createdAt: Date;
}
