import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Several instances (PostgreSQL only in practice; the same schema here): instances and shared rate limits. */
export class Coordination1796500000000 implements MigrationInterface {
  name = 'Coordination1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "instances" ("id" varchar(36) PRIMARY KEY NOT NULL, "host" varchar(255) NOT NULL, "pid" integer NOT NULL, "startedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE TABLE "rate_limits" ("key" varchar(200) PRIMARY KEY NOT NULL, "state" text NOT NULL, "expiresAt" bigint NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limits"');
    await queryRunner.query('DROP TABLE "instances"');
  }
}
