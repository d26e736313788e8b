import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The metadata schema of release 0.1 (the first with migrations). */
export class Initial1796404158278 implements MigrationInterface {
  name = 'Initial1796404158278';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Releases before migrations made exactly this schema with `synchronize`: adopt it as it is.
    if (await queryRunner.hasTable('workspaces')) return;
    await queryRunner.query(
      'CREATE TABLE "credentials" ("secretHash" varchar(64) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "kind" varchar(8) NOT NULL, "name" varchar(64), "expiresAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE INDEX "IDX_8d3a07b8e994962efe57ebd0f2" ON "credentials" ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "memberships" ("workspaceId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, "role" varchar(16) NOT NULL, PRIMARY KEY ("workspaceId", "userId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "failedLogins" integer NOT NULL DEFAULT (0), "lockedUntil" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))',
    );
    await queryRunner.query(
      'CREATE TABLE "datasets" ("id" varchar(36) PRIMARY KEY NOT NULL, "workspaceId" varchar(36) NOT NULL, "kind" varchar(16) NOT NULL, "seq" integer NOT NULL, "fileName" varchar(255) NOT NULL, "sourceSha256" varchar(64) NOT NULL, "sourceBytes" integer NOT NULL, "arrowSha256" varchar(64) NOT NULL, "rowCount" integer NOT NULL, "keyFields" text NOT NULL, "columns" text NOT NULL, "report" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_1705e850030b52aeeed497da4be" UNIQUE ("seq"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_eb25d5dadc58f4d79a8d3e920e" ON "datasets" ("workspaceId", "kind", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "submissions" ("id" varchar(36) PRIMARY KEY NOT NULL, "exerciseId" varchar(128) NOT NULL, "userId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "fileName" varchar(255) NOT NULL, "score" real NOT NULL, "maxScore" real NOT NULL, "result" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE INDEX "IDX_d67126f8f6ca23f0b1b8528497" ON "submissions" ("exerciseId", "userId") ');
    await queryRunner.query(
      'CREATE TABLE "alert_rules" ("id" varchar(36) PRIMARY KEY NOT NULL, "workspaceId" varchar(36) NOT NULL, "rule" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE INDEX "IDX_db8100014edaa28739c296aca1" ON "alert_rules" ("workspaceId") ');
    await queryRunner.query(
      'CREATE TABLE "alerts" ("id" varchar(36) PRIMARY KEY NOT NULL, "workspaceId" varchar(36) NOT NULL, "key" varchar(400) NOT NULL, "ruleId" varchar(36) NOT NULL, "state" varchar(16) NOT NULL, "severity" varchar(8) NOT NULL, "alert" text NOT NULL)',
    );
    await queryRunner.query('CREATE INDEX "IDX_7978df23bc67cde97478000526" ON "alerts" ("workspaceId", "state") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_6613de32f78cb78cdfd4b58ef6" ON "alerts" ("workspaceId", "key") ');
    await queryRunner.query(
      'CREATE TABLE "monitoring_settings" ("workspaceId" varchar(36) PRIMARY KEY NOT NULL, "rulesSeeded" boolean NOT NULL DEFAULT (0), "webhookUrl" varchar(2000))',
    );
    await queryRunner.query(
      'CREATE TABLE "workspaces" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_de659ece27e93d8fe29339d0a42" UNIQUE ("name"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "workspaces"');
    await queryRunner.query('DROP TABLE "monitoring_settings"');
    await queryRunner.query('DROP INDEX "IDX_6613de32f78cb78cdfd4b58ef6"');
    await queryRunner.query('DROP INDEX "IDX_7978df23bc67cde97478000526"');
    await queryRunner.query('DROP TABLE "alerts"');
    await queryRunner.query('DROP INDEX "IDX_db8100014edaa28739c296aca1"');
    await queryRunner.query('DROP TABLE "alert_rules"');
    await queryRunner.query('DROP INDEX "IDX_d67126f8f6ca23f0b1b8528497"');
    await queryRunner.query('DROP TABLE "submissions"');
    await queryRunner.query('DROP INDEX "IDX_eb25d5dadc58f4d79a8d3e920e"');
    await queryRunner.query('DROP TABLE "datasets"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "memberships"');
    await queryRunner.query('DROP INDEX "IDX_8d3a07b8e994962efe57ebd0f2"');
    await queryRunner.query('DROP TABLE "credentials"');
  }
}
