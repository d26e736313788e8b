import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('workspaces')
export class WorkspaceEntity {
  /** Generated id; the only workspace identifier that reaches a file path. */
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  /** The user's name for it, as used in URLs (`/api/workspaces/:ws`). */
  @Column('varchar', { length: 64, unique: true })
  name: string;

  @CreateDateColumn()
  createdAt: Date;
}
