import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Several instances: the instances table (liveness by advisory lock) and shared rate limits. */
export class Coordination1796500000000 implements MigrationInterface {
  name = 'Coordination1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "instances" ("id" character varying(36) NOT NULL, "host" character varying(255) NOT NULL, "pid" integer NOT NULL, "startedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_instances_id" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "rate_limits" ("key" character varying(200) NOT NULL, "state" text NOT NULL, "expiresAt" bigint NOT NULL, CONSTRAINT "PK_rate_limits_key" PRIMARY KEY ("key"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limits"');
    await queryRunner.query('DROP TABLE "instances"');
  }
}
