import type { RedactionSuggestion } from '@laget/contracts';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { LagesbildAggregate } from '../lagesbild-aggregate.js';
import { redactionSuggestions } from '../redaction-suggestions.js';
import { ScannerOptionsSource } from '../scanner-options.js';

/** Spans that look like personal data, or repeat a masked text, in what the open version shows. */
export class ListRedactionSuggestionsQuery extends Query<RedactionSuggestion[]> {
  constructor(readonly period: string) {
    super();
  }
}

@QueryHandler(ListRedactionSuggestionsQuery)
export class ListRedactionSuggestionsHandler implements IQueryHandler<ListRedactionSuggestionsQuery> {
  constructor(
    private readonly lagesbild: LagesbildAggregate,
    private readonly scannerOptions: ScannerOptionsSource,
  ) {}

  async execute({ period }: ListRedactionSuggestionsQuery): Promise<RedactionSuggestion[]> {
    const { state } = await this.lagesbild.loadCompiled(period);
    return redactionSuggestions(state, await this.scannerOptions.options());
  }
}
