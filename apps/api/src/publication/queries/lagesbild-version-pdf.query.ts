import { Inject } from '@nestjs/common';
import { Query, QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import { Clock } from '../../platform/commands/clock.js';
import { ReadLagesbildQuery, type ViewRequest } from '../../lagesbild/queries/read-lagesbild.query.js';
import { swedishDate } from '../lagesbild-labels.js';
import { renderLagesbildPdf } from '../lagesbild-pdf.js';
import type { PublicationSettings } from '../publication.settings.js';
import { PUBLICATION_SETTINGS } from '../publication.tokens.js';

/** What the internal version says on every page (issue 18, point 6). */
export const INTERNAL_MARKING =
  'Intern – omfattas av sekretess enligt offentlighets- och sekretesslagen (2009:400)';
/** Target-group versions are not public either. */
export const AUDIENCE_MARKING = 'Begränsad spridning – målgruppsversion, inte offentlig';

export interface VersionPdf {
  pdf: Buffer;
  fileName: string;
}

/**
 * One version of a week's lägesbild as PDF, for whoever may read that version. The reading goes
 * through ReadLagesbildQuery, so the same rules decide who may, and the internal and target-group
 * downloads are recorded as reads as reading them on screen is.
 */
export class LagesbildVersionPdfQuery extends Query<VersionPdf> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly view: Exclude<ViewRequest, { kind: 'draft' }>,
  ) {
    super();
  }
}

@QueryHandler(LagesbildVersionPdfQuery)
export class LagesbildVersionPdfHandler implements IQueryHandler<LagesbildVersionPdfQuery> {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(PUBLICATION_SETTINGS) private readonly settings: PublicationSettings,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, period, view }: LagesbildVersionPdfQuery): Promise<VersionPdf> {
    const doc = await this.queryBus.execute(new ReadLagesbildQuery(caller, period, view));
    const now = this.clock.now();
    const pdf = await renderLagesbildPdf(doc, {
      municipality: this.settings.municipality,
      publishedAt: now,
      dateLine: `Hämtad ${swedishDate(now)}`,
      ...(view.kind === 'audience' ? { audienceName: view.name, classification: AUDIENCE_MARKING } : {}),
      ...(view.kind === 'internal' ? { classification: INTERNAL_MARKING } : {}),
    });
    const suffix =
      view.kind === 'audience' ? `malgrupp-${view.name}` : view.kind === 'internal' ? 'intern' : 'oppen';
    return { pdf, fileName: `lagesbild-${period}-${suffix}.pdf` };
  }
}
