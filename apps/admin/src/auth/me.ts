import type { RawRuleOf, MongoAbility } from '@casl/ability';
import type { PackRule } from '@casl/ability/extra';

/** What `GET /api/auth/me` answers (CONTRACT.md). */
export interface Me {
  id: string;
  username: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  rules: PackRule<RawRuleOf<MongoAbility>>[];
  csrfToken: string;
  mustChangePassword: boolean;
}

export const roles = ['reporter', 'est_member', 'coordinator', 'reviewer', 'admin'] as const;
export type Role = (typeof roles)[number];
