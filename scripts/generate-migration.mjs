#!/usr/bin/env node
// Writes the migration that takes the metadata schema from its last migration to the entities as
// they are now, for one database. Run after `npm run build:api`, once per database:
//   node scripts/generate-migration.mjs AddSomething sqlite
//   DATABASE_URL=postgres://… node scripts/generate-migration.mjs AddSomething postgres   (a scratch server)
// then add the class to apps/api/src/database/migrations/<db>/index.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [name, db] = process.argv.slice(2);
if (!/^[A-Z][A-Za-z0-9]+$/.test(name ?? '') || !['sqlite', 'postgres'].includes(db)) {
  console.error('usage: node scripts/generate-migration.mjs PascalCaseName sqlite|postgres');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const dist = resolve('dist/apps/api/apps/api/src/database');
const { ENTITIES } = require(join(dist, 'entities.js'));
const migrations = require(join(dist, 'migrations', db, 'index.js'));
const { DataSource } = require('typeorm');
const scratch = mkdtempSync(join(tmpdir(), 'co-migration-'));
const dbName = `co_migration_${Date.now()}`;
let admin;
let options;
if (db === 'postgres') {
  const pg = require('pg');
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${dbName}`;
  options = { type: 'postgres', url: url.toString() };
} else {
  options = { type: 'better-sqlite3', database: join(scratch, 'scratch.sqlite') };
}
const ds = new DataSource({ ...options, entities: ENTITIES, migrations: Object.values(migrations).flat(), synchronize: false });
await ds.initialize();
await ds.runMigrations();
const sql = await ds.driver.createSchemaBuilder().log();
await ds.destroy();
if (admin) {
  await admin.query(`DROP DATABASE ${dbName}`);
  await admin.end();
}
rmSync(scratch, { recursive: true, force: true });
if (!sql.upQueries.length) {
  console.error('The entities match the migrations: nothing to write.');
  process.exit(0);
}
const ts = Date.now();
const q = (list) =>
  list.map((x) => `    await queryRunner.query(${JSON.stringify(x.query)}${x.parameters?.length ? `, ${JSON.stringify(x.parameters)}` : ''});`).join('\n');
const file = join('apps/api/src/database/migrations', db, `${ts}-${name}.ts`);
writeFileSync(
  file,
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${ts} implements MigrationInterface {
  name = '${name}${ts}';

  async up(queryRunner: QueryRunner): Promise<void> {
${q(sql.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${q(sql.downQueries.reverse())}
  }
}
`,
);
console.log(`wrote ${file}: add ${name}${ts} to migrations/${db}/index.ts`);
