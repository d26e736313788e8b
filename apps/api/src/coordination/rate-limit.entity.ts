import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The state of one rate limit or sign-in throttle key (JSON), shared by every instance. */
@Entity('rate_limits')
export class RateLimitEntity {
  @PrimaryColumn('varchar', { length: 200 })
  key: string;

  @Column('text')
  state: string;

  /** Epoch milliseconds after which the state is forgotten (swept). */
  @Column('bigint')
  expiresAt: string;
}
