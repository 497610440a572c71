/** The roles a login can hold (DESIGN.md, "The people"); a user may hold several. */
export const ROLES = ['admin', 'coordinator', 'reviewer', 'est_member', 'reporter'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Swedish names as the UI and docs show them. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Systemadministratör',
  coordinator: 'BF-samordnare',
  reviewer: 'Granskare',
  est_member: 'EST-gruppen',
  reporter: 'Rapportör',
};
