import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '@laget/event-store';
import type { SignedInCaller } from '../../identity/index.js';
import { DomainError, ruleBroken } from '../../platform/domain/domain-error.js';
import { READ_DB } from '../../platform/platform.tokens.js';
import { ReportingProjections } from '../reporting-projections.runner.js';
import { organisationIsActive, organisationOf, placeInUse } from '../reporting.queries.js';

/**
 * What a report command checks in the read models before it is decided: the organisation it is
 * for, and the place an incident points at.
 */
@Injectable()
export class ReportGuards {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly projections: ReportingProjections,
  ) {}

  /**
   * A deactivated organisation's reports are neither opened, changed nor submitted. The caller's
   * own organisation was checked by the authentication guard on this request, so only a report
   * of another organisation (the coordinator acting on its behalf) costs a lookup, in this
   * module's organisations once they have caught up with the deactivation.
   */
  async ensureOrganisationActive(caller: SignedInCaller, organisationId: string): Promise<void> {
    if (organisationId === caller.actor.organisationId) return;
    await this.projections.waitUntilCaughtUp();
    const organisation = await organisationOf(this.db, organisationId);
    if (organisation && !organisation.active)
      throw ruleBroken(
        `Organisationen ${organisation.name} är inaktiverad; dess rapporter kan inte öppnas eller ändras / The organisation is deactivated`,
        { field: 'organisationId' },
      );
  }

  async ensureOrganisation(organisationId: string): Promise<void> {
    await this.projections.waitUntilCaughtUp();
    if (!(await organisationIsActive(this.db, organisationId))) {
      throw new DomainError('not_found', 'Organisationen finns inte / Organisation was not found', {
        field: 'organisationId',
      });
    }
  }

  /** An incident may point at a place of the register, never at one that does not exist or was retired. */
  async ensurePlace(placeId: string): Promise<void> {
    if (await placeInUse(this.db, placeId)) return;
    await this.projections.waitUntilCaughtUp(); // it may have been registered a moment ago
    if (await placeInUse(this.db, placeId)) return;
    throw new DomainError(
      'invalid',
      'Plats i registret: finns inte / placeId: no such place in the register',
      {
        field: 'placeId',
      },
    );
  }
}
