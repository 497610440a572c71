import fc from 'fast-check';
import {
  abilityFromPackedRules,
  asSubject,
  defineAbilityFor,
  packAbilityRules,
  permittedFields,
  type AppSubject,
} from './ability.js';
import { ACTIONS, type Action } from './actions.js';
import type { Actor } from './actor.js';
import type { ConditionName } from './conditions.js';
import { PERMISSION_MATRIX, type Grantee, type PermissionRow } from './matrix.js';
import { ROLES, type Role } from './roles.js';
import { SUBJECTS, SUBJECT_FIELDS, type SubjectName } from './subjects.js';
import { subject } from '@casl/ability';

const ME = 'user-me';
const OWN_ORG = 'org-own';
const OTHER_ORG = 'org-other';

function actorWith(roles: Role[], organisationId: string | null = OWN_ORG): Actor {
  return { userId: ME, organisationId, roles };
}

/** For each condition: an instance it matches and one it does not, seen from `ME` in `OWN_ORG` with role `role`. */
const examples: Record<
  ConditionName,
  (role: Role | null) => { yes: Record<string, unknown>; no: Record<string, unknown> }
> = {
  self: () => ({ yes: { id: ME }, no: { id: 'someone-else' } }),
  ownToken: () => ({ yes: { ownerId: ME }, no: { ownerId: 'someone-else' } }),
  nonAdminUserWithoutFourEyes: () => ({
    yes: { roles: ['reporter', 'coordinator'], fourEyes: false },
    no: { roles: ['reporter', 'admin'], fourEyes: false },
  }),
  userWhoDoesNotApprove: () => ({
    yes: { roles: ['reporter'], fourEyes: true },
    no: { roles: ['reporter', 'reviewer'], fourEyes: true },
  }),
  ownOrganisation: () => ({ yes: { organisationId: OWN_ORG }, no: { organisationId: OTHER_ORG } }),
  ownOrganisationOpenPeriod: () => ({
    yes: { organisationId: OWN_ORG, periodStatus: 'open' },
    no: { organisationId: OWN_ORG, periodStatus: 'compiled' },
  }),
  nonDraftReport: () => ({ yes: { status: 'submitted' }, no: { status: 'draft' } }),
  openedBySelfOpenPeriod: () => ({
    yes: { openedById: ME, periodStatus: 'open' },
    no: { openedById: 'reporter-x', periodStatus: 'open' },
  }),
  incidentOfNonDraftReport: () => ({ yes: { reportStatus: 'amended' }, no: { reportStatus: 'draft' } }),
  incidentOpenedBySelfOpenPeriod: () => ({
    yes: { reportOpenedById: ME, periodStatus: 'open' },
    no: { reportOpenedById: ME, periodStatus: 'published' },
  }),
  internalOrOpenView: () => ({ yes: { view: 'open' }, no: { view: 'draft' } }),
  internalView: () => ({ yes: { view: 'internal' }, no: { view: 'open' } }),
  openViewFourEyes: () => ({ yes: { view: 'open', fourEyes: true }, no: { view: 'open', fourEyes: false } }),
  audienceOfOwnOrganisation: () => ({
    yes: { view: 'audience', audienceOrganisationIds: [OTHER_ORG, OWN_ORG] },
    no: { view: 'audience', audienceOrganisationIds: [OTHER_ORG] },
  }),
  audienceOfOwnRole: (role) => ({
    yes: { view: 'audience', audienceRoles: ['nobody', role ?? 'reporter'], audienceOrganisationIds: [] },
    no: { view: 'audience', audienceRoles: ['nobody'], audienceOrganisationIds: [] },
  }),
  publishedOpenView: () => ({
    yes: { view: 'open', status: 'published' },
    no: { view: 'open', status: 'approved' },
  }),
  published: () => ({ yes: { published: true }, no: { published: false } }),
};

/** The actor a row is about: its role alone, a plain reporter for `authenticated`, nobody for `anyone`. */
function actorForRow(who: Grantee): Actor | null {
  if (who === 'anyone') return null;
  if (who === 'authenticated') return actorWith(['reporter']);
  return actorWith([who]);
}

const tag = (type: SubjectName, instance: Record<string, unknown>): AppSubject =>
  subject(type, { ...instance }) as AppSubject;

/** Whether any row that applies to the actor's grantees and does not need a condition grants the action. */
function grantedUnconditionally(grantees: Grantee[], action: Action, type: SubjectName): boolean {
  return PERMISSION_MATRIX.some(
    (row) =>
      grantees.includes(row.who) &&
      row.subject === type &&
      row.actions.includes(action) &&
      !row.when &&
      !row.fields,
  );
}

describe('the permission matrix, row by row', () => {
  const cases = PERMISSION_MATRIX.flatMap((row) => row.actions.map((action) => ({ row, action })));
  it.each(
    cases.map(
      ({ row, action }) =>
        [
          `${row.who} ${action} ${row.subject}${row.when ? ` (${row.when})` : ''}${row.fields ? ' [fields]' : ''}`,
          row,
          action,
        ] as const,
    ),
  )('%s', (_name, row: PermissionRow, action: Action) => {
    const actor = actorForRow(row.who);
    const ability = defineAbilityFor(actor);
    const role = row.who === 'anyone' || row.who === 'authenticated' ? null : row.who;
    if (row.when) {
      const { yes, no } = examples[row.when](role ?? (actor ? 'reporter' : null));
      expect(ability.can(action, tag(row.subject, yes))).toBe(true);
      // The non-matching instance may still be granted by another row of the same actor; it must not be by this one.
      const others = PERMISSION_MATRIX.filter(
        (r) => r !== row && rowAppliesTo(r, actor) && r.subject === row.subject && r.actions.includes(action),
      );
      const otherGrants = others.some((r) => !r.when || matches(r.when, role, no));
      expect(ability.can(action, tag(row.subject, no))).toBe(otherGrants);
    } else {
      expect(ability.can(action, tag(row.subject, {}))).toBe(true);
    }
    if (row.fields) {
      const instance = row.when ? examples[row.when](role).yes : {};
      for (const field of row.fields)
        expect(ability.can(action, tag(row.subject, instance), field)).toBe(true);
      // Fields the row does not list stay refused (an action's reporter may set its status, never its publicity).
      for (const field of ['status', 'organisationId', 'public', 'ownerOrganisationId'].filter(
        (candidate) => !(row.fields as readonly string[]).includes(candidate),
      ))
        expect(ability.can(action, tag(row.subject, instance), field)).toBe(false);
    }
  });
});

function rowAppliesTo(row: PermissionRow, actor: Actor | null): boolean {
  if (row.who === 'anyone') return true;
  if (!actor) return false;
  return row.who === 'authenticated' || actor.roles.includes(row.who);
}

function matches(condition: ConditionName, role: Role | null, instance: Record<string, unknown>): boolean {
  const { yes } = examples[condition](role);
  return Object.entries(yes).every(([key, value]) => JSON.stringify(instance[key]) === JSON.stringify(value));
}

describe('what is not in the matrix is denied', () => {
  const grantees = (actor: Actor | null): Grantee[] =>
    actor ? ['anyone', 'authenticated', ...actor.roles] : ['anyone'];
  it.each([null, ...ROLES].map((role) => [role ?? 'anonymous', role] as const))('%s', (_name, role) => {
    const actor = role ? actorWith([role]) : null;
    const ability = defineAbilityFor(actor);
    for (const type of SUBJECTS)
      for (const action of ACTIONS) {
        const anyRow = PERMISSION_MATRIX.some(
          (row) => grantees(actor).includes(row.who) && row.subject === type && row.actions.includes(action),
        );
        // Checking the type alone answers "is there any rule at all"; an instance that matches no condition is refused below.
        expect({ type, action, can: ability.can(action, type) }).toEqual({ type, action, can: anyRow });
        if (!grantedUnconditionally(grantees(actor), action, type))
          expect({ type, action, empty: ability.can(action, tag(type, { id: 'x' })) }).toEqual({
            type,
            action,
            empty: false,
          });
      }
  });
});

describe('the people of DESIGN.md', () => {
  const report = (organisationId: string, periodStatus: 'open' | 'compiled', status = 'draft') =>
    asSubject('Report', { organisationId, periodStatus, status: status as 'draft', openedById: 'someone' });

  it('a reporter files its own organisation’s report while the week is open, never another’s', () => {
    const reporter = defineAbilityFor(actorWith(['reporter']));
    expect(reporter.can('update', report(OWN_ORG, 'open'), 'narrative')).toBe(true);
    expect(reporter.can('update', report(OWN_ORG, 'compiled'), 'narrative')).toBe(false);
    expect(reporter.can('read', report(OWN_ORG, 'compiled'))).toBe(true);
    expect(reporter.can('read', report(OTHER_ORG, 'open', 'submitted'))).toBe(false);
    expect(reporter.can('create', report(OTHER_ORG, 'open'))).toBe(false);
    expect(reporter.can('submit', report(OWN_ORG, 'open'))).toBe(true);
  });

  it('a reporter cannot set the status or the organisation of its report', () => {
    const reporter = defineAbilityFor(actorWith(['reporter']));
    const own = report(OWN_ORG, 'open');
    const fields = permittedFields(reporter, 'update', own, SUBJECT_FIELDS.Report);
    expect(fields.sort()).toEqual(['attendance', 'narrative', 'statistics']);
  });

  it('a reporter without an organisation gets no report rights at all', () => {
    const reporter = defineAbilityFor(actorWith(['reporter'], null));
    expect(
      reporter.can(
        'read',
        asSubject('Report', {
          organisationId: null as unknown as string,
          periodStatus: 'open',
          status: 'draft',
          openedById: ME,
        }),
      ),
    ).toBe(false);
    expect(reporter.can('read', 'Report')).toBe(false);
  });

  it('the admin manages logins but reads no contents', () => {
    const admin = defineAbilityFor(actorWith(['admin']));
    expect(admin.can('create', 'User')).toBe(true);
    expect(
      admin.can('reset_password', asSubject('User', { id: 'a', roles: ['admin'], organisationId: null })),
    ).toBe(true);
    expect(admin.can('read', 'Report')).toBe(false);
    expect(admin.can('read', 'Incident')).toBe(false);
    expect(admin.can('read', asSubject('Lagesbild', { view: 'internal', status: 'compiled' }))).toBe(false);
    expect(admin.can('read', 'Redaction')).toBe(false);
  });

  it('an admin who is also coordinator reads contents (roles add up)', () => {
    const both = defineAbilityFor(actorWith(['admin', 'coordinator']));
    expect(both.can('read', asSubject('Lagesbild', { view: 'draft', status: 'draft' }))).toBe(true);
    expect(
      both.can('reset_password', asSubject('User', { id: 'a', roles: ['admin'], organisationId: null })),
    ).toBe(true);
  });

  it('a coordinator resets passwords of non-admins only', () => {
    const coordinator = defineAbilityFor(actorWith(['coordinator']));
    expect(
      coordinator.can(
        'reset_password',
        asSubject('User', { id: 'r', roles: ['reporter'], organisationId: OTHER_ORG }),
      ),
    ).toBe(true);
    expect(
      coordinator.can(
        'reset_password',
        asSubject('User', { id: 'a', roles: ['admin'], organisationId: null }),
      ),
    ).toBe(false);
    expect(coordinator.can('update', 'User')).toBe(false);
  });

  it('with four eyes a coordinator resets reporters only; reviewers and coordinators go to an admin', () => {
    const coordinator = defineAbilityFor(actorWith(['coordinator']));
    const admin = defineAbilityFor(actorWith(['admin']));
    const login = (roles: string[], fourEyes: boolean) =>
      asSubject('User', { id: 'x', roles, organisationId: OTHER_ORG, fourEyes });
    for (const roles of [['reviewer'], ['coordinator'], ['reporter', 'reviewer']]) {
      expect(coordinator.can('reset_password', login(roles, true))).toBe(false);
      expect(coordinator.can('reset_password', login(roles, false))).toBe(true);
      expect(admin.can('reset_password', login(roles, true))).toBe(true);
    }
    expect(coordinator.can('reset_password', login(['reporter'], true))).toBe(true);
    expect(coordinator.can('reset_password', login(['admin'], false))).toBe(false);
    expect(coordinator.can('reset_password', login(['admin', 'reporter'], true))).toBe(false);
  });

  it('the coordinator reads submitted reports but not drafts, except those it opened itself', () => {
    const coordinator = defineAbilityFor(actorWith(['coordinator']));
    expect(coordinator.can('read', report(OTHER_ORG, 'open', 'submitted'))).toBe(true);
    expect(coordinator.can('read', report(OTHER_ORG, 'open', 'draft'))).toBe(false);
    const onBehalf = asSubject('Report', {
      organisationId: OTHER_ORG,
      periodStatus: 'open',
      status: 'draft',
      openedById: ME,
    });
    expect(coordinator.can('read', onBehalf)).toBe(true);
    expect(coordinator.can('update', onBehalf, 'narrative')).toBe(true);
    expect(coordinator.can('update', onBehalf, 'status')).toBe(false);
  });

  it('lägesbild views: EST reads internal, the reviewer internal and open, the public only what is published', () => {
    const view = (v: 'draft' | 'internal' | 'open', status: 'compiled' | 'published' = 'compiled') =>
      asSubject('Lagesbild', { view: v, status });
    const est = defineAbilityFor(actorWith(['est_member']));
    const reviewer = defineAbilityFor(actorWith(['reviewer']));
    const anonymous = defineAbilityFor(null);
    expect([
      est.can('read', view('draft')),
      est.can('read', view('internal')),
      est.can('read', view('open')),
    ]).toEqual([false, true, false]);
    expect([
      reviewer.can('read', view('draft')),
      reviewer.can('read', view('internal')),
      reviewer.can('read', view('open')),
    ]).toEqual([false, true, true]);
    expect([
      anonymous.can('read', view('open')),
      anonymous.can('read', view('open', 'published')),
      anonymous.can('read', view('internal', 'published')),
    ]).toEqual([false, true, false]);
  });

  it('the reviewer approves only where four eyes are required', () => {
    const reviewer = defineAbilityFor(actorWith(['reviewer']));
    expect(
      reviewer.can('approve', asSubject('Lagesbild', { view: 'open', status: 'compiled', fourEyes: true })),
    ).toBe(true);
    expect(
      reviewer.can('approve', asSubject('Lagesbild', { view: 'open', status: 'compiled', fourEyes: false })),
    ).toBe(false);
  });

  it('an audience version is read by its audience and nobody else', () => {
    const version = asSubject('Lagesbild', {
      view: 'audience',
      status: 'compiled',
      audienceOrganisationIds: [OWN_ORG],
      audienceRoles: [],
    });
    expect(defineAbilityFor(actorWith(['reporter'], OWN_ORG)).can('read', version)).toBe(true);
    expect(defineAbilityFor(actorWith(['reporter'], OTHER_ORG)).can('read', version)).toBe(false);
    expect(defineAbilityFor(null).can('read', version)).toBe(false);
  });
  it('the areas (områden): every login reads them, only the coordinator draws, imports and removes', () => {
    const area = asSubject('Area', { id: 'area-1' });
    for (const role of ROLES) {
      const ability = defineAbilityFor(actorWith([role]));
      expect({ role, read: ability.can('read', area) }).toEqual({ role, read: true });
      for (const action of ['create', 'update', 'delete'] as const)
        expect({ role, action, can: ability.can(action, area) }).toEqual({
          role,
          action,
          can: role === 'coordinator',
        });
    }
    expect(defineAbilityFor(null).can('read', area)).toBe(false);
  });
});

describe('packed rules for /api/auth/me', () => {
  it('unpack to an ability that answers every question the same way', () => {
    const resources = fc.record({
      organisationId: fc.constantFrom(OWN_ORG, OTHER_ORG),
      periodStatus: fc.constantFrom('open', 'compiled', 'published'),
      status: fc.constantFrom('draft', 'submitted', 'amended', 'withdrawn', 'compiled', 'published'),
      reportStatus: fc.constantFrom('draft', 'submitted'),
      openedById: fc.constantFrom(ME, 'other'),
      reportOpenedById: fc.constantFrom(ME, 'other'),
      view: fc.constantFrom('draft', 'internal', 'open', 'audience'),
      fourEyes: fc.boolean(),
      id: fc.constantFrom(ME, 'other'),
      ownerId: fc.constantFrom(ME, 'other'),
      roles: fc.subarray([...ROLES]),
      audienceOrganisationIds: fc.subarray([OWN_ORG, OTHER_ORG]),
      audienceRoles: fc.subarray([...ROLES]),
      published: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.option(fc.subarray([...ROLES], { minLength: 1 }), { nil: null }),
        fc.constantFrom(...SUBJECTS),
        fc.constantFrom(...ACTIONS),
        resources,
        fc.option(fc.constantFrom('narrative', 'status', 'organisationId', 'problem'), { nil: undefined }),
        (roles, type, action, instance, field) => {
          const original = defineAbilityFor(roles ? actorWith(roles) : null);
          const packed = JSON.parse(JSON.stringify(packAbilityRules(original)));
          const restored = abilityFromPackedRules(packed);
          expect(restored.can(action, tag(type, instance), field)).toBe(
            original.can(action, tag(type, instance), field),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
