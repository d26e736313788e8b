import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from './config/app-config';
import { ErrorFilter } from './common/error.filter';
import { requestIdMiddleware } from './common/request-id.middleware';

/** HTTP plumbing shared by main.ts and the e2e tests, so tests exercise the real stack. */
export function setupApp(app: INestApplication, config: AppConfig): INestApplication {
  app.setGlobalPrefix('api');
  // Security headers (CSP: same-origin scripts only); CORS stays closed: no cross-origin callers.
  app.use(helmet());
  app.use(requestIdMiddleware);
  (app as NestExpressApplication).useBodyParser('json', { limit: '1mb' });
  (app as NestExpressApplication).useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new ErrorFilter(config.maxUploadMb));
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('creator-ops API')
    .setDescription('自媒体运营数据分析台: imports, metrics, queries and reports')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc));
  return app;
}
