import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { publicLagesbildJsonSchema } from '@laget/contracts';
import type { PublicSite } from '../public-pages.js';
import { PUBLIC_SITE } from '../publication.tokens.js';
import type { PublicResource } from './public-resource.js';

/** The JSON Schema of the public JSON, generated from the contracts' zod schemas. */
export class PublicSchemaQuery extends Query<PublicResource> {}

@QueryHandler(PublicSchemaQuery)
export class PublicSchemaHandler implements IQueryHandler<PublicSchemaQuery> {
  /** Built on first use and kept: it depends on the base URL only. */
  private body: string | undefined;

  constructor(@Inject(PUBLIC_SITE) private readonly site: PublicSite) {}

  async execute(): Promise<PublicResource> {
    this.body ??= JSON.stringify(publicLagesbildJsonSchema(this.site.baseUrl), null, 2);
    return { body: this.body, contentType: 'application/schema+json; charset=utf-8', immutable: false };
  }
}
