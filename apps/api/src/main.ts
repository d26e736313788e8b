import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { startServer } from './server';

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
  await startServer(config);
  console.error(`creator-ops listening on http://${config.host}:${config.port} (data: ${config.dataDir})`);
}

void main();
