import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RouteOptions } from 'fastify';
import { createApp } from '../app.factory.js';
import { AppConfig } from '../config/app-config.js';
import { Client } from '../identity/test/http-client.js';
import { adminClient, createOrganisation } from '../identity/test/people.js';
import { API_CONTROLLERS } from './api-controllers.js';
import { buildOpenApiDocument, mappedRoutes } from './openapi-document.js';

/** Routes that are not the API: the admin panel's files, Swagger UI itself, Bull Board. */
const notTheApi =
  /^\/(api\/docs|admin\/queues)(\/|-json|$)|^\/(assets\/|index\.html|favicon|[^/]+\.(js|css|svg|png|ico|webmanifest)$)/;

const operations = ['get', 'put', 'post', 'delete', 'patch'] as const;

function documentedRoutes(document: ReturnType<typeof buildOpenApiDocument>): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    operations.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument(API_CONTROLLERS);

  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every operation: summary, tag, success and error answers, security', () => {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of operations) {
        const operation = item[method];
        if (!operation) continue;
        const where = `${method.toUpperCase()} ${path}`;
        expect({ where, summary: typeof operation.summary }).toEqual({ where, summary: 'string' });
        expect(operation.tags).toHaveLength(1);
        expect(operation.security).toBeDefined();
        const statuses = Object.keys(operation.responses ?? {});
        expect({ where, success: statuses.some((s) => s.startsWith('2')) }).toEqual({ where, success: true });
        if (!path.startsWith('/public') && !path.startsWith('/health')) {
          expect({ where, errors: statuses.some((s) => s.startsWith('4')) }).toEqual({ where, errors: true });
        }
      }
    }
  });

  it('names the CSRF header on cookie sessions that change state, and If-Match and Idempotency-Key where they apply', () => {
    const compile = document.paths!['/api/lagesbilder']!.post!;
    expect(compile.security).toEqual([{ session: [], csrfToken: [] }, { bearer: [] }]);
    const parameters = (compile.parameters ?? []) as Array<{ name: string; in: string }>;
    expect(parameters.map((p) => `${p.in}:${p.name}`)).toContain('header:Idempotency-Key');
    const editSection = document.paths!['/api/lagesbilder/{id}/sections/{sectionId}']!.patch!;
    const editParameters = (editSection.parameters ?? []) as Array<{ name: string; in: string }>;
    expect(editParameters.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['path:id', 'path:sectionId', 'header:If-Match']),
    );
    expect(document.paths!['/api/reports']!.get!.security).toEqual([{ session: [] }, { bearer: [] }]);
    expect(document.paths!['/public/lagesbilder.json']!.get!.security).toEqual([]);
    expect(JSON.stringify(document.components?.securitySchemes)).not.toMatch(/"bearerFormat":"JWT"/);
  });

  it('has the response schemas of the main resources and one error shape', () => {
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'ApiError',
        'FieldProblem',
        'ValidationError',
        'Organisation',
        'User',
        'Period',
        'Report',
        'LagesbildDocument',
        'RedactionSuggestion',
        'Job',
        'AuditEntry',
        'PublicLagesbild',
      ]),
    );
  });

  it('names the contracts’ request bodies as components, so a client gets a type per body', () => {
    const inline: string[] = [];
    let named = 0;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of operations) {
        const body = item[method]?.requestBody as
          { content?: Record<string, { schema?: { $ref?: string } }> } | undefined;
        const schema = body?.content?.['application/json']?.schema;
        if (!schema) continue;
        if (schema.$ref) named++;
        else inline.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(named).toBeGreaterThanOrEqual(40);
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['CreatePlanRequest', 'PublishLagesbildRequest', 'ErasureRequest']),
    );
    // What stays inline is defined beside its controller, not in the contracts.
    expect(inline.length).toBeLessThan(named);
  });
});

describe('the routes Nest maps and the document', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  const mapped: string[] = [];
  let url: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'laget-openapi-'));
    const config = AppConfig.fromEnvironment({
      LOG_LEVEL: 'warn',
      LAGET_ADMIN_PASSWORD: 'test-admin-password-1',
      EVENT_STORE: 'pglite',
      DATA_DIR: dataDir,
    });
    app = await createApp({ config });
    // Nest registers its routes with Fastify at init: record each as it comes.
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRoute', (route: RouteOptions) => {
        for (const method of [route.method].flat()) {
          if (method === 'HEAD' || notTheApi.test(route.url)) continue;
          mapped.push(`${method} ${route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`);
        }
      });
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('documents every route the application maps, and no other', () => {
    const documented = documentedRoutes(buildOpenApiDocument(API_CONTROLLERS));
    expect(mapped.length).toBeGreaterThan(50);
    expect([...mapped].sort()).toEqual([...documented].sort());
  });

  it('serves the document at /api/docs-json and Swagger UI at /api/docs', async () => {
    const served = await fetch(`${url}/api/docs-json`);
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(API_CONTROLLERS))));
    const ui = await fetch(`${url}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
  });

  it('answers as the document says: real answers match the documented response schemas', async () => {
    const document = buildOpenApiDocument(API_CONTROLLERS);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ ...document, $id: 'openapi' });
    const admin = await adminClient(url);
    const organisationId = await createOrganisation(admin, 'Schemakontrollens förening');
    const checks: Array<[path: string, documented: string, status: number]> = [
      ['/api/auth/me', '/api/auth/me', 200],
      ['/api/auth/tokens', '/api/auth/tokens', 200],
      ['/api/organisations', '/api/organisations', 200],
      [`/api/organisations/${organisationId}`, '/api/organisations/{id}', 200],
      ['/api/users', '/api/users', 200],
      ['/api/periods?perPage=3', '/api/periods', 200],
      ['/api/crime-categories', '/api/crime-categories', 200],
      ['/api/places', '/api/places', 200],
      ['/api/audit?perPage=20', '/api/audit', 200],
      ['/api/jobs?state=completed', '/api/jobs', 200],
      ['/api/reports/nope', '/api/reports/{id}', 404],
      ['/api/organisations?page=0', '/api/organisations', 400],
      ['/health', '/health', 200],
    ];
    for (const [path, documented, status] of checks) {
      const answer = await admin.get(path);
      expect([path, answer.status]).toEqual([path, status]);
      const pointer = `openapi#/paths/${documented.replaceAll('/', '~1')}/get/responses/${status}/content/application~1json/schema`;
      const validate = ajv.getSchema(pointer);
      expect([path, validate ? 'documented' : 'missing']).toEqual([path, 'documented']);
      const valid = validate!(answer.body);
      expect([path, valid ? 'valid' : ajv.errorsText(validate!.errors)]).toEqual([path, 'valid']);
    }
    expect(await new Client(url).get('/api/auth/me')).toMatchObject({ status: 401 });
  });

  it('lists the controllers the document is built from completely', () => {
    const fromControllers = mappedRoutes(API_CONTROLLERS).map(({ method, path }) => `${method} ${path}`);
    expect([...new Set(mapped)].sort()).toEqual([...new Set(fromControllers)].sort());
  });
});
