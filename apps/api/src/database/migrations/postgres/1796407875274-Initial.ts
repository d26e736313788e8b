import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The metadata schema on PostgreSQL (new in this release: no earlier schema to adopt). */
export class Initial1796407875274 implements MigrationInterface {
  name = 'Initial1796407875274';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credentials" ("secretHash" character varying(64) NOT NULL, "userId" character varying(36) NOT NULL, "kind" character varying(8) NOT NULL, "name" character varying(64), "expiresAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_644f96c4e39a5369a1229d93308" PRIMARY KEY ("secretHash"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_8d3a07b8e994962efe57ebd0f2" ON "credentials"  ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "memberships" ("workspaceId" character varying(36) NOT NULL, "userId" character varying(36) NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "PK_b4aa57a22a5eb10228c7b21a8fc" PRIMARY KEY ("workspaceId", "userId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" character varying(36) NOT NULL, "username" character varying(64) NOT NULL, "passwordHash" character varying(255) NOT NULL, "role" character varying(16) NOT NULL, "lastLoginAt" TIMESTAMP WITH TIME ZONE, "disabled" boolean NOT NULL DEFAULT false, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "datasets" ("id" character varying(36) NOT NULL, "workspaceId" character varying(36) NOT NULL, "kind" character varying(16) NOT NULL, "seq" integer NOT NULL, "fileName" character varying(255) NOT NULL, "sourceSha256" character varying(64) NOT NULL, "sourceBytes" integer NOT NULL, "arrowSha256" character varying(64) NOT NULL, "rowCount" integer NOT NULL, "keyFields" text NOT NULL, "columns" text NOT NULL, "report" text NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_1705e850030b52aeeed497da4be" UNIQUE ("seq"), CONSTRAINT "PK_1bf831e43c559a240303e23d038" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_eb25d5dadc58f4d79a8d3e920e" ON "datasets"  ("workspaceId", "kind", "seq") ');
    await queryRunner.query(
      'CREATE TABLE "exercise_assignments" ("exerciseId" character varying(128) NOT NULL, "workspaceId" character varying(36) NOT NULL, "mode" character varying(16) NOT NULL DEFAULT \'practice\', "revealAfter" integer NOT NULL DEFAULT \'3\', "releasedAt" TIMESTAMP WITH TIME ZONE, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_26b1d71a6fcdfb51a1ef6c106ad" PRIMARY KEY ("exerciseId", "workspaceId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "submissions" ("id" character varying(36) NOT NULL, "exerciseId" character varying(128) NOT NULL, "userId" character varying(36) NOT NULL, "username" character varying(64) NOT NULL, "workspaceId" character varying(36), "refused" character varying(32), "fileName" character varying(255) NOT NULL, "score" double precision NOT NULL, "maxScore" double precision NOT NULL, "result" text, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_d67126f8f6ca23f0b1b8528497" ON "submissions"  ("exerciseId", "userId") ');
    await queryRunner.query(
      'CREATE TABLE "alert_rules" ("id" character varying(36) NOT NULL, "workspaceId" character varying(36) NOT NULL, "rule" text NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "PK_ae580564f087ffab9d229225aec" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_db8100014edaa28739c296aca1" ON "alert_rules"  ("workspaceId") ');
    await queryRunner.query(
      'CREATE TABLE "alerts" ("id" character varying(36) NOT NULL, "workspaceId" character varying(36) NOT NULL, "key" character varying(400) NOT NULL, "ruleId" character varying(36) NOT NULL, "state" character varying(16) NOT NULL, "severity" character varying(8) NOT NULL, "alert" text NOT NULL, CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7978df23bc67cde97478000526" ON "alerts"  ("workspaceId", "state") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_6613de32f78cb78cdfd4b58ef6" ON "alerts"  ("workspaceId", "key") ');
    await queryRunner.query(
      'CREATE TABLE "monitoring_settings" ("workspaceId" character varying(36) NOT NULL, "rulesSeeded" boolean NOT NULL DEFAULT false, "webhookUrl" character varying(2000), CONSTRAINT "PK_9c3e019a38b94f58a82faa0c024" PRIMARY KEY ("workspaceId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "workspaces" ("id" character varying(36) NOT NULL, "name" character varying(64) NOT NULL, "createdAt" TIMESTAMP NOT NULL DEFAULT now(), CONSTRAINT "UQ_de659ece27e93d8fe29339d0a42" UNIQUE ("name"), CONSTRAINT "PK_098656ae401f3e1a4586f47fd8e" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "workspaces"');
    await queryRunner.query('DROP TABLE "monitoring_settings"');
    await queryRunner.query('DROP INDEX "public"."IDX_6613de32f78cb78cdfd4b58ef6"');
    await queryRunner.query('DROP INDEX "public"."IDX_7978df23bc67cde97478000526"');
    await queryRunner.query('DROP TABLE "alerts"');
    await queryRunner.query('DROP INDEX "public"."IDX_db8100014edaa28739c296aca1"');
    await queryRunner.query('DROP TABLE "alert_rules"');
    await queryRunner.query('DROP INDEX "public"."IDX_d67126f8f6ca23f0b1b8528497"');
    await queryRunner.query('DROP TABLE "submissions"');
    await queryRunner.query('DROP TABLE "exercise_assignments"');
    await queryRunner.query('DROP INDEX "public"."IDX_eb25d5dadc58f4d79a8d3e920e"');
    await queryRunner.query('DROP TABLE "datasets"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "memberships"');
    await queryRunner.query('DROP INDEX "public"."IDX_8d3a07b8e994962efe57ebd0f2"');
    await queryRunner.query('DROP TABLE "credentials"');
  }
}
