import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { startServer } from './server';
import { DataDirLockedError } from './storage/data-dir-lock';

async function main() {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  try {
    await startServer(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(`creator-ops: ${e.message}`);
      process.exit(3);
    }
    throw e;
  }
}

void main();
