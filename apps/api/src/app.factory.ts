import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { ApiExceptionFilter } from './platform/http/api-exception.filter.js';

/** Largest JSON body accepted: a full report of 200 incidents at 4,000 characters a field fits well below it. */
export const JSON_BODY_LIMIT = '2mb';

export interface CreateAppOptions extends AppModuleOptions {
  /** Buffer logs until the pino logger is ready (the server); tests keep Nest's default. */
  bufferLogs?: boolean;
}

/** Builds the whole HTTP application; main.ts and the tests share it so that tests run the real thing. */
export async function createApp(options: CreateAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    bufferLogs: options.bufferLogs ?? false,
    bodyParser: false,
    forceCloseConnections: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI and react-admin's MUI styles need inline styles; scripts stay same-origin.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Läget API')
    .setDescription('Lokal lägesbild för Effektiv samordning för trygghet (EST). See CONTRACT.md.')
    .setVersion('1')
    .addCookieAuth('laget_session')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });

  serveAdminPanel(app, options.config.adminDistDir ?? defaultAdminDist());
  return app;
}

function defaultAdminDist(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, '../../admin/dist');
}

/** The built admin panel at `/`, with the SPA's index.html for its client-side routes. */
function serveAdminPanel(app: NestExpressApplication, distDir: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(distDir, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const apiPath = /^\/(api|public|health|admin\/queues)(\/|$)/.test(request.path);
    if (request.method !== 'GET' || apiPath || !request.accepts('html')) return next();
    response.sendFile(index);
  });
}
