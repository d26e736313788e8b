import { loadConfig, startServer } from '@creator-ops/core';
import { parse } from '../args';

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' } });
  const config = loadConfig({ ...process.env, ...(values.port ? { PORT: values.port } : {}), ...(values.host ? { HOST: values.host } : {}) });
  await startServer(config);
  return new Promise(() => undefined);
}
