import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An alert rule of a workspace; the rule itself is data validated by libs/monitoring. */
@Entity('alert_rules')
@Index(['workspaceId'])
export class AlertRuleEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  workspaceId: string;

  @Column('simple-json')
  rule: unknown;

  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
