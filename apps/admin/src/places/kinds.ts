import { PLACE_KINDS } from '@laget/contracts';

/** The kinds of place the API accepts; the label comes from `laget.place_kinds.<id>`. */
export const placeKindChoices = PLACE_KINDS.map((id) => ({ id, name: `laget.place_kinds.${id}` }));
