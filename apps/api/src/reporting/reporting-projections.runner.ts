import { Injectable } from '@nestjs/common';
import { Projections } from '../platform/projections.service.js';
import { reportingProjections } from './reporting.projections.js';

/** Registers the reporting read models with the platform's one projection runner. */
@Injectable()
export class ReportingProjections {
  private readonly names = reportingProjections.map((projection) => projection.name);

  constructor(private readonly projections: Projections) {
    projections.register(...reportingProjections);
  }

  /** Read-after-write: resolves once every event committed before the call is in the reporting tables. */
  waitUntilCaughtUp(): Promise<void> {
    return this.projections.waitUntilCaughtUp({ only: this.names });
  }
}
