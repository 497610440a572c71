import { ROLE_NAMES } from '@laget/contracts';
import { ROLES } from '@laget/permissions';

describe('the identity contract', () => {
  it('lists the same roles as the permission matrix', () => expect([...ROLE_NAMES]).toEqual([...ROLES]));
});
