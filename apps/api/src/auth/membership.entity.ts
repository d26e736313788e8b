import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's role in one workspace. */
@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn('varchar', { length: 36 })
  workspaceId: string;

  @PrimaryColumn('varchar', { length: 36 })
  userId: string;

  @Column('varchar', { length: 16 })
  role: string;
}
