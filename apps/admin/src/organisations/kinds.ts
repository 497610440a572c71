import { ORGANISATION_KINDS } from '@laget/contracts';

/** The kinds of actor the API accepts; the label comes from `laget.organisation_kinds.<id>`. */
export const organisationKindChoices = ORGANISATION_KINDS.map((id) => ({
  id,
  name: `laget.organisation_kinds.${id}`,
}));
