import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Security round two: users lose the lock columns and gain last login and disabled; exercise assignments; submissions per workspace. */
export class AccountsAndAssignments1796407802366 implements MigrationInterface {
  name = 'AccountsAndAssignments1796407802366';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "exercise_assignments" ("exerciseId" varchar(128) NOT NULL, "workspaceId" varchar(36) NOT NULL, "mode" varchar(16) NOT NULL DEFAULT (\'practice\'), "revealAfter" integer NOT NULL DEFAULT (3), "releasedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), PRIMARY KEY ("exerciseId", "workspaceId"))',
    );
    await queryRunner.query(
      'CREATE TABLE "temporary_users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_users"("id", "username", "passwordHash", "role", "createdAt") SELECT "id", "username", "passwordHash", "role", "createdAt" FROM "users"',
    );
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('ALTER TABLE "temporary_users" RENAME TO "users"');
    await queryRunner.query(
      'CREATE TABLE "temporary_users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "lastLoginAt" datetime, "disabled" boolean NOT NULL DEFAULT (0), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_users"("id", "username", "passwordHash", "role", "createdAt") SELECT "id", "username", "passwordHash", "role", "createdAt" FROM "users"',
    );
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('ALTER TABLE "temporary_users" RENAME TO "users"');
    await queryRunner.query('DROP INDEX "IDX_d67126f8f6ca23f0b1b8528497"');
    await queryRunner.query(
      'CREATE TABLE "temporary_submissions" ("id" varchar(36) PRIMARY KEY NOT NULL, "exerciseId" varchar(128) NOT NULL, "userId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "fileName" varchar(255) NOT NULL, "score" real NOT NULL, "maxScore" real NOT NULL, "result" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "workspaceId" varchar(36), "refused" varchar(32))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_submissions"("id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt") SELECT "id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt" FROM "submissions"',
    );
    await queryRunner.query('DROP TABLE "submissions"');
    await queryRunner.query('ALTER TABLE "temporary_submissions" RENAME TO "submissions"');
    await queryRunner.query('CREATE INDEX "IDX_d67126f8f6ca23f0b1b8528497" ON "submissions" ("exerciseId", "userId") ');
    await queryRunner.query('DROP INDEX "IDX_d67126f8f6ca23f0b1b8528497"');
    await queryRunner.query(
      'CREATE TABLE "temporary_submissions" ("id" varchar(36) PRIMARY KEY NOT NULL, "exerciseId" varchar(128) NOT NULL, "userId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "fileName" varchar(255) NOT NULL, "score" real NOT NULL, "maxScore" real NOT NULL, "result" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "workspaceId" varchar(36), "refused" varchar(32))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_submissions"("id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt", "workspaceId", "refused") SELECT "id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt", "workspaceId", "refused" FROM "submissions"',
    );
    await queryRunner.query('DROP TABLE "submissions"');
    await queryRunner.query('ALTER TABLE "temporary_submissions" RENAME TO "submissions"');
    await queryRunner.query('CREATE INDEX "IDX_d67126f8f6ca23f0b1b8528497" ON "submissions" ("exerciseId", "userId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_d67126f8f6ca23f0b1b8528497"');
    await queryRunner.query('ALTER TABLE "submissions" RENAME TO "temporary_submissions"');
    await queryRunner.query(
      'CREATE TABLE "submissions" ("id" varchar(36) PRIMARY KEY NOT NULL, "exerciseId" varchar(128) NOT NULL, "userId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "fileName" varchar(255) NOT NULL, "score" real NOT NULL, "maxScore" real NOT NULL, "result" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "workspaceId" varchar(36), "refused" varchar(32))',
    );
    await queryRunner.query(
      'INSERT INTO "submissions"("id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt", "workspaceId", "refused") SELECT "id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt", "workspaceId", "refused" FROM "temporary_submissions"',
    );
    await queryRunner.query('DROP TABLE "temporary_submissions"');
    await queryRunner.query('CREATE INDEX "IDX_d67126f8f6ca23f0b1b8528497" ON "submissions" ("exerciseId", "userId") ');
    await queryRunner.query('DROP INDEX "IDX_d67126f8f6ca23f0b1b8528497"');
    await queryRunner.query('ALTER TABLE "submissions" RENAME TO "temporary_submissions"');
    await queryRunner.query(
      'CREATE TABLE "submissions" ("id" varchar(36) PRIMARY KEY NOT NULL, "exerciseId" varchar(128) NOT NULL, "userId" varchar(36) NOT NULL, "username" varchar(64) NOT NULL, "fileName" varchar(255) NOT NULL, "score" real NOT NULL, "maxScore" real NOT NULL, "result" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "submissions"("id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt") SELECT "id", "exerciseId", "userId", "username", "fileName", "score", "maxScore", "result", "createdAt" FROM "temporary_submissions"',
    );
    await queryRunner.query('DROP TABLE "temporary_submissions"');
    await queryRunner.query('CREATE INDEX "IDX_d67126f8f6ca23f0b1b8528497" ON "submissions" ("exerciseId", "userId") ');
    await queryRunner.query('ALTER TABLE "users" RENAME TO "temporary_users"');
    await queryRunner.query(
      'CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))',
    );
    await queryRunner.query(
      'INSERT INTO "users"("id", "username", "passwordHash", "role", "createdAt") SELECT "id", "username", "passwordHash", "role", "createdAt" FROM "temporary_users"',
    );
    await queryRunner.query('DROP TABLE "temporary_users"');
    await queryRunner.query('ALTER TABLE "users" RENAME TO "temporary_users"');
    await queryRunner.query(
      'CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "passwordHash" varchar(255) NOT NULL, "role" varchar(16) NOT NULL, "failedLogins" integer NOT NULL DEFAULT (0), "lockedUntil" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"))',
    );
    await queryRunner.query(
      'INSERT INTO "users"("id", "username", "passwordHash", "role", "createdAt") SELECT "id", "username", "passwordHash", "role", "createdAt" FROM "temporary_users"',
    );
    await queryRunner.query('DROP TABLE "temporary_users"');
    await queryRunner.query('DROP TABLE "exercise_assignments"');
  }
}
