import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import {
  lagesbildId,
  publicLagesbildListSchema,
  publicLagesbildSchema,
  publicOpenMapSchema,
} from '@laget/contracts';
import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';
import { AppConfig } from '../config/app-config.js';
import { Public } from '../platform/http/public.decorator.js';
import { DomainError } from '../platform/domain/domain-error.js';
import { sha256Hex } from '../lagesbild/content-hash.js';
import type { PublicFormat } from './public-urls.js';
import {
  PublicListQuery,
  PublicPublicationQuery,
  type PublicResource,
  PublicSchemaQuery,
} from './queries/index.js';

// A week (`2024-W48`) or a period analysis (`2025-03`, `2025-T1`, `2025`), optionally with its format.
const WEEK_FILE = /^(\d{4}(?:-W\d{2}|-\d{2}|-T[1-3])?)(?:\.(json|pdf|geojson))?$/;
const PUBLICATION_FILE = /^([1-9]\d{0,3})(?:\.(json|pdf|geojson))?$/;

/**
 * The public site, no login: published open versions as HTML, JSON, PDF and an Atom feed.
 * Everything else (unknown, unpublished or retracted weeks) is 404 for everyone.
 */
@ApiCapability('public')
@Public()
@Controller('public')
export class PublicSiteController {
  /** Built once: Läget itself and the municipality's own sites (LAGET_PUBLIC_FRAME_ANCESTORS) may frame the pages. */
  private readonly policy: string;

  constructor(
    private readonly queryBus: QueryBus,
    config: AppConfig,
  ) {
    this.policy = publicContentSecurityPolicy(config.publicFrameAncestors);
  }

  @Get('lagesbilder')
  @ApiOperation({
    summary: 'The published lägesbilder (HTML)',
    query: z.object({
      embed: z.literal('1').optional().meta({ description: 'Without the page frame, to embed' }),
    }),
    produces: { 'text/html': undefined },
  })
  async list(
    @Query('embed') embed: string | undefined,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ) {
    send(req, res, this.policy, await this.queryBus.execute(new PublicListQuery('html', embed === '1')));
  }

  @Get('lagesbilder.json')
  @ApiOperation({
    summary: 'The published lägesbilder (JSON), latest publication per week',
    response: publicLagesbildListSchema,
  })
  async listJson(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    send(req, res, this.policy, await this.queryBus.execute(new PublicListQuery('json')));
  }

  @Get('feed.atom')
  @ApiOperation({
    summary: 'Atom feed: one entry per publication, newest first',
    produces: { 'application/atom+xml': undefined },
  })
  async feed(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    send(req, res, this.policy, await this.queryBus.execute(new PublicListQuery('atom')));
  }

  /** The JSON Schema every public JSON document names in `$schema` and its `describedby` link. */
  @Get('schema/lagesbild.schema.json')
  @ApiOperation({
    summary: 'JSON Schema of the public lägesbild JSON (a publication; the list under $defs)',
    produces: { 'application/schema+json': z.record(z.string(), z.unknown()) },
  })
  async schema(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    send(req, res, this.policy, await this.queryBus.execute(new PublicSchemaQuery()));
  }

  /** `2024-W48`, `2024-W48.json`, `2024-W48.pdf`: the week's latest publication. */
  @Get('lagesbilder/:file')
  @ApiOperation({
    summary: 'A week’s latest publication as HTML, JSON, PDF or its open map as GeoJSON (by extension)',
    params: z.object({
      file: z.string().meta({
        description:
          '`2024-W48`, `2024-W48.json`, `2024-W48.pdf` or `2024-W48.geojson` (the open map: counts per area and category; 404 where the publication has no map)',
      }),
    }),
    query: z.object({
      embed: z.literal('1').optional().meta({ description: 'Without the page frame, to embed' }),
    }),
    response: publicLagesbildSchema,
    produces: {
      'text/html': undefined,
      'application/pdf': undefined,
      'application/geo+json': publicOpenMapSchema,
    },
  })
  async week(
    @Param('file') file: string,
    @Query('embed') embed: string | undefined,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ) {
    const match = WEEK_FILE.exec(file);
    if (!match) throw notPublished();
    const [, period = '', format] = match;
    const found = await this.queryBus.execute(
      new PublicPublicationQuery(period, null, formatOf(format), embed === '1'),
    );
    if (!found) throw notPublished();
    send(req, res, this.policy, found, `lagesbild-${period}`);
  }

  /** `2024-W48/1`, `…/1.json`, `…/1.pdf`: one publication of a week, also after a correction. */
  @Get('lagesbilder/:period/:file')
  @ApiOperation({
    summary: 'One numbered publication of a week (also after a correction)',
    params: z.object({
      period: lagesbildId,
      file: z.string().meta({ description: '`1`, `1.json`, `1.pdf` or `1.geojson`' }),
    }),
    query: z.object({
      embed: z.literal('1').optional().meta({ description: 'Without the page frame, to embed' }),
    }),
    response: publicLagesbildSchema,
    produces: {
      'text/html': undefined,
      'application/pdf': undefined,
      'application/geo+json': publicOpenMapSchema,
    },
  })
  async publication(
    @Param('period') period: string,
    @Param('file') file: string,
    @Query('embed') embed: string | undefined,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
  ) {
    const match = PUBLICATION_FILE.exec(file);
    if (!match || !WEEK_FILE.test(period) || period.includes('.')) throw notPublished();
    const [, number = '', format] = match;
    const found = await this.queryBus.execute(
      new PublicPublicationQuery(period, Number(number), formatOf(format), embed === '1'),
    );
    if (!found) throw notPublished();
    send(req, res, this.policy, found, `lagesbild-${period}-${number}`);
  }
}

export function publicContentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
  ].join('; ');
}

function formatOf(extension: string | undefined): PublicFormat {
  return extension === 'json' || extension === 'pdf' || extension === 'geojson' ? extension : 'html';
}

function notPublished(): DomainError {
  return new DomainError('not_found', 'Ingen publicerad lägesbild finns här (nothing published here)');
}

/**
 * Strong ETag from the bytes (a matching If-None-Match gets 304), caching that lets a
 * retraction take effect within a minute, and headers that let the municipality's site embed
 * the pages and fetch the data: public content, no scripts. Framing is limited to Läget and the
 * sites named in LAGET_PUBLIC_FRAME_ANCESTORS, so no other site can dress the pages up as its own.
 */
function send(
  req: FastifyRequest,
  res: FastifyReply,
  policy: string,
  resource: PublicResource,
  downloadName?: string,
): void {
  const etag = `"${sha256Hex(resource.body).slice(0, 32)}"`;
  res.header('ETag', etag);
  res.header(
    'Cache-Control',
    resource.immutable ? 'public, max-age=300, must-revalidate' : 'public, max-age=60, must-revalidate',
  );
  res.header('Content-Security-Policy', policy);
  // Helmet set this on the raw response before the route ran.
  res.raw.removeHeader('X-Frame-Options');
  res.header('Cross-Origin-Resource-Policy', 'cross-origin');
  res.header('Access-Control-Allow-Origin', '*');
  if (resource.describedBy) {
    res.header('Link', `<${resource.describedBy}>; rel="describedby"; type="application/schema+json"`);
  }
  if (resource.contentType === 'application/pdf' && downloadName) {
    res.header('Content-Disposition', `inline; filename="${downloadName}.pdf"`);
  }
  res.type(resource.contentType);
  if (fresh(req.headers, { etag })) {
    res.status(304).send();
    return;
  }
  res.status(200).send(resource.body);
}
