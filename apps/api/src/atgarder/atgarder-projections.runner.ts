import { Injectable } from '@nestjs/common';
import { Projections } from '../platform/projections.service.js';
import { atgarderProjections } from './atgarder.projections.js';

/** Waits for the problem, action and incident read models (atgarder.feature.ts) to catch up. */
@Injectable()
export class AtgarderProjections {
  private readonly names = atgarderProjections.map((projection) => projection.name);

  constructor(private readonly projections: Projections) {}

  /** Read-after-write: resolves once every event committed before the call is in these tables. */
  waitUntilCaughtUp(): Promise<void> {
    return this.projections.waitUntilCaughtUp({ only: this.names });
  }
}
