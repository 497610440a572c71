import { createMongoAbility } from '@casl/ability';
import { packRules } from '@casl/ability/extra';
import { defineAbilityFor, packAbilityRules, type Role } from '@laget/permissions';
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
    const admin = createMongoAbility([{ action: 'manage', subject: 'all' }]) as never;
    expect(canAccess(admin, { action: 'create', resource: 'users' })).toBe(true);
    expect(canAccess(admin, { action: 'create', resource: 'no-such-resource' })).toBe(false);
  });

  it('denies everything with no rules', () => {
    expect(canAccess(abilityFor({ rules: [] }), { action: 'list', resource: 'organisations' })).toBe(false);
  });
});

describe('with the real role matrix from @laget/permissions', () => {
  const fromServer = (roles: Role[]) =>
    abilityFor({
      rules: packAbilityRules(defineAbilityFor({ userId: 'u1', organisationId: 'org-1', roles })),
    });

  it('shows the administrator logins and organisations but not report contents', () => {
    const admin = fromServer(['admin']);
    expect(canAccess(admin, { action: 'create', resource: 'users' })).toBe(true);
    expect(canAccess(admin, { action: 'edit', resource: 'organisations' })).toBe(true);
    expect(canAccess(admin, { action: 'list', resource: 'reports' })).toBe(false);
  });

  it("lets a reporter open the own organisation's report and not another's", () => {
    const reporter = fromServer(['reporter']);
    expect(canAccess(reporter, { action: 'list', resource: 'periods' })).toBe(true);
    expect(canAccess(reporter, { action: 'list', resource: 'users' })).toBe(false);
    expect(
      canAccess(reporter, { action: 'show', resource: 'reports', record: { organisationId: 'org-1' } }),
    ).toBe(true);
    expect(
      canAccess(reporter, { action: 'show', resource: 'reports', record: { organisationId: 'org-2' } }),
    ).toBe(false);
  });

  it('lets the coordinator reset passwords and approve', () => {
    const coordinator = fromServer(['coordinator']);
    expect(canAccess(coordinator, { action: 'reset_password', resource: 'users' })).toBe(true);
    expect(canAccess(coordinator, { action: 'approve', resource: 'lagesbilder' })).toBe(true);
    expect(canAccess(coordinator, { action: 'create', resource: 'users' })).toBe(false);
  });

  it('lets the coordinator keep the place register, and everyone else only read it', () => {
    const coordinator = fromServer(['coordinator']);
    for (const action of ['list', 'create', 'edit', 'delete'])
      expect([action, canAccess(coordinator, { action, resource: 'places' })]).toEqual([action, true]);
    for (const roles of [['reporter'], ['admin'], ['reviewer'], ['est_member']] as Role[][]) {
      const other = fromServer(roles);
      expect(canAccess(other, { action: 'list', resource: 'places' })).toBe(true);
      for (const action of ['create', 'edit', 'delete'])
        expect([roles, action, canAccess(other, { action, resource: 'places' })]).toEqual([
          roles,
          action,
          false,
        ]);
    }
  });

  it('opens Karta to coordinator, reviewer and EST group, not to reporter nor administrator (issue 20)', () => {
    // The route's rule (App.tsx), the same the API guards the map query and the trends with.
    const karta = {
      action: 'show',
      resource: 'lagesbilder',
      record: { view: 'internal', status: 'approved' },
    };
    const may = (roles: Role[]) => canAccess(fromServer(roles), karta);
    expect(may(['coordinator'])).toBe(true);
    expect(may(['reviewer'])).toBe(true);
    expect(may(['est_member'])).toBe(true);
    expect(may(['reporter'])).toBe(false);
    expect(may(['admin'])).toBe(false);
    expect(canAccess(abilityFor({ rules: [] }), karta)).toBe(false);
  });

  it('lets the coordinator keep the areas, and every other role only read them (the picker draws them)', () => {
    const coordinator = fromServer(['coordinator']);
    for (const action of ['list', 'create', 'edit', 'delete'])
      expect([action, canAccess(coordinator, { action, resource: 'areas' })]).toEqual([action, true]);
    for (const roles of [['reporter'], ['admin'], ['reviewer'], ['est_member']] as Role[][]) {
      const other = fromServer(roles);
      expect([roles, canAccess(other, { action: 'list', resource: 'areas' })]).toEqual([roles, true]);
      for (const action of ['create', 'edit', 'delete'])
        expect([roles, action, canAccess(other, { action, resource: 'areas' })]).toEqual([
          roles,
          action,
          false,
        ]);
    }
  });
});
