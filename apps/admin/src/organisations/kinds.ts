/** The kinds of actor the EST form names; the label comes from `laget.organisation_kinds.<id>`. */
export const organisationKinds = [
  'police',
  'social_services',
  'school',
  'housing',
  'business',
  'culture_leisure',
  'rescue_services',
  'municipality',
  'other',
] as const;

export const organisationKindChoices = organisationKinds.map((id) => ({
  id,
  name: `laget.organisation_kinds.${id}`,
}));
