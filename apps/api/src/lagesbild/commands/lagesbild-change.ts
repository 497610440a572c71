import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/index.js';
import type { LagesbildResult } from '../lagesbild-aggregate.js';

/**
 * What every lägesbild command carries: who asks, which week, what the change is, and the
 * version the client based it on (If-Match; absent, the change applies to the latest).
 */
export abstract class LagesbildChange<Data, Result = LagesbildResult> extends Command<Result> {
  constructor(
    readonly caller: Caller,
    readonly period: string,
    readonly data: Data,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
