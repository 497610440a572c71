import { Injectable } from '@nestjs/common';
import { DomainError } from '../../platform/domain/domain-error.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';

/** The rule that a login belongs to an organisation that exists and is active. */
@Injectable()
export class OrganisationCheck {
  constructor(private readonly organisations: OrganisationsReadModel) {}

  /** The organisation a login is created in or moved to: it must exist and be active (422 otherwise). */
  async requireActive(organisationId: string | null): Promise<void> {
    if (organisationId === null) return;
    const organisation = await this.organisations.get(organisationId);
    if (!organisation)
      throw new DomainError('rule', `Organisationen ${organisationId} finns inte (unknown organisation)`, {
        field: 'organisationId',
      });
    if (!organisation.active)
      throw new DomainError(
        'rule',
        `Organisationen ${organisation.name} är inaktiverad; inga inloggningar kan läggas till i den (the organisation is deactivated)`,
        { field: 'organisationId' },
      );
  }
}
