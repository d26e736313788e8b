import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An alert: identity (key) and lifecycle columns for lookups, the whole alert as JSON. */
@Entity('alerts')
@Index(['workspaceId', 'key'], { unique: true })
@Index(['workspaceId', 'state'])
export class AlertEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  workspaceId: string;

  @Column('varchar', { length: 400 })
  key: string;

  @Column('varchar', { length: 36 })
  ruleId: string;

  @Column('varchar', { length: 16 })
  state: string;

  @Column('varchar', { length: 8 })
  severity: string;

  @Column('simple-json')
  alert: unknown;
}
