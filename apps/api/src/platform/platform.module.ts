import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { Environment, ProcessEnvironment } from './environment';
import { FileSystem, NodeFileSystem } from './file-system';
import { HttpClient, NodeHttpClient } from './http-client';

const PROVIDERS = [
  { provide: Clock, useClass: SystemClock },
  { provide: FileSystem, useClass: NodeFileSystem },
  { provide: HttpClient, useClass: NodeHttpClient },
  { provide: Environment, useClass: ProcessEnvironment },
];

/** Side effects (time, files, network, environment) as injectable providers; tests override them. */
@Global()
@Module({ providers: PROVIDERS, exports: [Clock, FileSystem, HttpClient, Environment] })
export class PlatformModule {}
