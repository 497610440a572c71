import { Injectable } from '@nestjs/common';
import { Projections } from '../platform/projections.service.js';
import { reportingProjections } from './reporting.projections.js';

/** Waits for the reporting read models (declared in reporting.feature.ts) to catch up. */
@Injectable()
export class ReportingProjections {
  private readonly names = reportingProjections.map((projection) => projection.name);

  constructor(private readonly projections: Projections) {}

  /** Read-after-write: resolves once every event committed before the call is in the reporting tables. */
  waitUntilCaughtUp(): Promise<void> {
    return this.projections.waitUntilCaughtUp({ only: this.names });
  }
}
