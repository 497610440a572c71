import type { MeDto, RoleName } from '@laget/contracts';

/** What `GET /api/auth/me` answers (CONTRACT.md). */
export type Me = MeDto;
export type Role = RoleName;
export { ROLE_NAMES as roles } from '@laget/contracts';
