import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per-workspace monitoring settings: whether default rules were seeded, the webhook. */
@Entity('monitoring_settings')
export class MonitoringSettingsEntity {
  @PrimaryColumn('varchar', { length: 36 })
  workspaceId: string;

  @Column('boolean', { default: false })
  rulesSeeded: boolean;

  @Column('varchar', { length: 2000, nullable: true })
  webhookUrl: string | null;
}
