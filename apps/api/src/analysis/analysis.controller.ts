import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { trendsAnswerSchema, trendsQuerySchema } from '@laget/contracts';
import { CurrentCaller, type SignedInCaller } from '../identity/index.js';
import { ApiCapability, ApiOperation } from '../platform/http/api-operation.js';
import { parseInput } from '../platform/http/validation.js';
import { TrendsQuery } from './queries/trends.query.js';

/** The analysis of the weeks (issue 18): trends for the coordinator, the reviewer and the EST group. */
@ApiCapability('analysis')
@Controller('api/analysis')
export class AnalysisController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('trends')
  @ApiOperation({
    summary:
      'Counts or mean severity per week, month, tertial or year, by category, organisation, place or area (outside every area: `utan-omrade`)',
    query: trendsQuerySchema,
    response: trendsAnswerSchema,
  })
  trends(@CurrentCaller() caller: SignedInCaller, @Query() query: unknown) {
    return this.queryBus.execute(new TrendsQuery(caller, parseInput(trendsQuerySchema, query, 'query')));
  }
}
