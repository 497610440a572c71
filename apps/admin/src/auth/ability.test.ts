import { createMongoAbility } from '@casl/ability';
import { packRules } from '@casl/ability/extra';
import { describe, expect, it } from 'vitest';
import { abilityFor, canAccess } from './ability.js';

describe('permissions from the packed CASL rules in /api/auth/me', () => {
  const reporter = abilityFor({
    rules: packRules([
      { action: 'read', subject: 'Period' },
      {
        action: ['read', 'create', 'update', 'submit'],
        subject: 'Report',
        conditions: { organisationId: 'org-1' },
      },
    ]),
  });

  it("maps react-admin's page actions to CASL actions", () => {
    expect(canAccess(reporter, { action: 'list', resource: 'periods' })).toBe(true);
    expect(canAccess(reporter, { action: 'edit', resource: 'reports' })).toBe(true);
    expect(canAccess(reporter, { action: 'list', resource: 'users' })).toBe(false);
    expect(canAccess(reporter, { action: 'delete', resource: 'reports' })).toBe(false);
  });

  it("checks a record against the rule's conditions", () => {
    expect(
      canAccess(reporter, { action: 'edit', resource: 'reports', record: { organisationId: 'org-1' } }),
    ).toBe(true);
    expect(
      canAccess(reporter, { action: 'edit', resource: 'reports', record: { organisationId: 'org-2' } }),
    ).toBe(false);
  });

  it('lets domain actions through by name', () => {
    expect(canAccess(reporter, { action: 'submit', resource: 'reports' })).toBe(true);
    expect(canAccess(reporter, { action: 'publish', resource: 'lagesbilder' })).toBe(false);
  });

  it('understands "manage all" for an administrator', () => {
    const admin = createMongoAbility([{ action: 'manage', subject: 'all' }]);
    expect(canAccess(admin, { action: 'create', resource: 'users' })).toBe(true);
  });

  it('denies everything with no rules', () => {
    expect(canAccess(abilityFor({ rules: [] }), { action: 'list', resource: 'organisations' })).toBe(false);
  });
});
