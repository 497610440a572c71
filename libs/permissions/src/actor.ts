import type { Role } from './roles.js';

/** Who is asking: what the rules' conditions are filled in from. Null where nobody is logged in. */
export interface Actor {
  userId: string;
  organisationId: string | null;
  roles: readonly Role[];
}
