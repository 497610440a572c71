import { Injectable } from '@nestjs/common';
import { OrganisationsReadModel } from '../identity/organisations.read-model.js';
import { UsersReadModel } from '../identity/users.read-model.js';
import { QueryBus } from '@nestjs/cqrs';
import { ListPlacesQuery } from '../reporting/index.js';
import type { ScannerOptions } from './suggestion-scanner.js';

/**
 * What the suggestion scanner needs to know from Läget's records, read once per request: the
 * display names of its logins (persons, suggested wherever they stand) and the names of its own
 * organisations and of the places in the register (never persons, however they read:
 * "Frida Hansdotter Arena", "Kultur & Fritid"), retired places included since old texts name them.
 */
@Injectable()
export class ScannerOptionsSource {
  constructor(
    private readonly users: UsersReadModel,
    private readonly organisations: OrganisationsReadModel,
    private readonly queryBus: QueryBus,
  ) {}

  async options(): Promise<ScannerOptions> {
    const [users, organisations, places] = await Promise.all([
      this.users.list({}, { offset: 0, limit: 5_000 }),
      this.organisations.all(),
      this.queryBus.execute(new ListPlacesQuery(true)),
    ]);
    return {
      knownNames: users.items.map((user) => user.displayName).filter((name) => /\s/.test(name.trim())),
      notPersons: [
        ...organisations.map((organisation) => organisation.name),
        ...places.map((place) => place.name),
      ],
    };
  }
}
