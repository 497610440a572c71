import type { Action } from './actions.js';
import type { ConditionName } from './conditions.js';
import type { Role } from './roles.js';
import type { SubjectName } from './subjects.js';

/** `anyone` includes visitors who are not logged in; `authenticated` is every logged-in user. */
export type Grantee = Role | 'authenticated' | 'anyone';

export interface PermissionRow {
  who: Grantee;
  actions: readonly Action[];
  subject: SubjectName;
  /** Limits the rule to instances that match; absent means every instance. */
  when?: ConditionName;
  /** Limits a change to these fields; absent means every field. */
  fields?: readonly string[];
  /** Why the row exists, in a few words (shown in docs/permissions.md). */
  why: string;
}

const REPORT_FIELDS = ['narrative', 'attendance', 'statistics'] as const;
const INCIDENT_FIELDS = [
  'problem',
  'category',
  'tags',
  'location',
  'placeId',
  'occurredAt',
  'frequency',
  'assessment',
  'comment',
] as const;
/** What an owner organisation's reporter may change on its own action: never its owner, problem or publicity. */
const OWN_ACTION_FIELDS = [
  'title',
  'description',
  'responsibleUserId',
  'startsOn',
  'dueOn',
  'status',
  'followUps',
] as const;

/**
 * THE role × action × subject matrix (issue 3, item 5). Everything not granted here is denied.
 * docs/permissions.md is generated from this table (`npm run permissions:doc`), and
 * permissions-doc.unit.spec.ts fails when the two differ.
 */
export const PERMISSION_MATRIX: readonly PermissionRow[] = [
  // The public site.
  {
    who: 'anyone',
    actions: ['read'],
    subject: 'Lagesbild',
    when: 'publishedOpenView',
    why: 'the public reads published open versions',
  },
  {
    who: 'anyone',
    actions: ['read'],
    subject: 'Publication',
    when: 'published',
    why: 'the public site, feed and PDFs',
  },

  {
    who: 'anyone',
    actions: ['read'],
    subject: 'ActionPlan',
    when: 'publishedOpenView',
    why: 'the public reads the published åtgärdsplan',
  },

  // Every login.
  {
    who: 'authenticated',
    actions: ['read'],
    subject: 'Organisation',
    why: 'organisations are shown everywhere',
  },
  {
    who: 'authenticated',
    actions: ['read', 'change_password'],
    subject: 'User',
    when: 'self',
    why: 'own profile and password',
  },
  {
    who: 'authenticated',
    actions: ['create', 'read', 'delete'],
    subject: 'ApiToken',
    when: 'ownToken',
    why: 'integrations act as the login that issued the token',
  },
  {
    who: 'authenticated',
    actions: ['read'],
    subject: 'Period',
    why: 'everyone sees the weeks and their deadlines',
  },
  {
    who: 'authenticated',
    actions: ['read'],
    subject: 'Place',
    why: 'a reporter picks the place of an incident from the register',
  },
  {
    who: 'authenticated',
    actions: ['read'],
    subject: 'Area',
    why: 'the areas (områden) are drawn on every map, the reporter’s place picker too',
  },
  {
    who: 'authenticated',
    actions: ['read'],
    subject: 'Lagesbild',
    when: 'audienceOfOwnOrganisation',
    why: 'target-group versions for an organisation',
  },
  {
    who: 'authenticated',
    actions: ['read'],
    subject: 'Lagesbild',
    when: 'audienceOfOwnRole',
    why: 'target-group versions for a role',
  },

  // Systemadministratör: accounts, not contents.
  { who: 'admin', actions: ['create', 'update'], subject: 'Organisation', why: 'keeps the list of actors' },
  {
    who: 'admin',
    actions: ['read', 'create', 'update', 'reset_password'],
    subject: 'User',
    why: 'manages logins and roles',
  },
  { who: 'admin', actions: ['read', 'delete'], subject: 'ApiToken', why: 'can revoke any integration' },
  {
    who: 'admin',
    actions: ['read', 'export'],
    subject: 'AuditLog',
    why: 'follows up on account and security events',
  },
  { who: 'admin', actions: ['read'], subject: 'Job', why: 'operations' },
  {
    who: 'admin',
    actions: ['read', 'create', 'delete'],
    subject: 'Retention',
    why: 'runs gallring now, erases personal data on request, reads the registrar’s report',
  },
  {
    who: 'admin',
    actions: ['read'],
    subject: 'Outbox',
    why: 'without SMTP_URL the e-mails Läget sends land in the outbox; the admin reads them there',
  },

  // BF-samordnare.
  { who: 'coordinator', actions: ['read'], subject: 'User', why: 'helps people who cannot log in' },
  {
    who: 'coordinator',
    actions: ['reset_password'],
    subject: 'User',
    when: 'nonAdminUserWithoutFourEyes',
    why: 'people call the coordinator when they cannot log in; admins are reset by an admin',
  },
  {
    who: 'coordinator',
    actions: ['reset_password'],
    subject: 'User',
    when: 'userWhoDoesNotApprove',
    why: 'with four eyes only an admin resets those who approve: else a coordinator could take over a reviewer’s login and approve alone',
  },
  { who: 'coordinator', actions: ['create', 'update'], subject: 'Period', why: 'opens and closes weeks' },
  {
    who: 'coordinator',
    actions: ['remind'],
    subject: 'Period',
    why: 'on Monday morning reminds the organisations that have not reported yet',
  },
  {
    who: 'coordinator',
    actions: ['read'],
    subject: 'Report',
    when: 'nonDraftReport',
    why: 'reads every submitted report',
  },
  {
    who: 'coordinator',
    actions: ['create', 'reopen'],
    subject: 'Report',
    why: 'opens a report on an organisation’s behalf; reopens one after compile, with a reason',
  },
  {
    who: 'coordinator',
    actions: ['read', 'submit', 'withdraw'],
    subject: 'Report',
    when: 'openedBySelfOpenPeriod',
    why: 'files a report on an organisation’s behalf',
  },
  {
    who: 'coordinator',
    actions: ['update'],
    subject: 'Report',
    when: 'openedBySelfOpenPeriod',
    fields: REPORT_FIELDS,
    why: 'files a report on an organisation’s behalf',
  },
  {
    who: 'coordinator',
    actions: ['read'],
    subject: 'Incident',
    when: 'incidentOfNonDraftReport',
    why: 'reads every submitted report',
  },
  {
    who: 'coordinator',
    actions: ['read', 'create', 'delete'],
    subject: 'Incident',
    when: 'incidentOpenedBySelfOpenPeriod',
    why: 'files a report on an organisation’s behalf',
  },
  {
    who: 'coordinator',
    actions: ['update'],
    subject: 'Incident',
    when: 'incidentOpenedBySelfOpenPeriod',
    fields: INCIDENT_FIELDS,
    why: 'files a report on an organisation’s behalf',
  },
  {
    who: 'coordinator',
    actions: ['read', 'create', 'update', 'approve'],
    subject: 'Lagesbild',
    why: 'compiles, edits, approves every view',
  },
  {
    who: 'coordinator',
    actions: ['read', 'create', 'delete'],
    subject: 'Redaction',
    why: 'masks and lifts, with a legal ground',
  },
  {
    who: 'coordinator',
    actions: ['read', 'create', 'delete'],
    subject: 'Publication',
    why: 'publishes, corrects and retracts',
  },
  { who: 'coordinator', actions: ['read'], subject: 'Job', why: 'follows publication jobs' },
  {
    who: 'coordinator',
    actions: ['read', 'delete'],
    subject: 'Retention',
    why: 'erases a person’s data from internal material on request, reads the registrar’s report',
  },
  {
    who: 'coordinator',
    actions: ['create', 'update', 'delete'],
    subject: 'Place',
    why: 'keeps the place register (delete retires a place; incidents keep pointing at it)',
  },
  {
    who: 'coordinator',
    actions: ['create', 'update', 'delete'],
    subject: 'Area',
    why: 'draws and imports the areas (områden) the map and the open map count by',
  },
  {
    who: 'coordinator',
    actions: ['read', 'export'],
    subject: 'AuditLog',
    why: 'accounts for every change to reports and lägesbilder',
  },

  {
    who: 'coordinator',
    actions: ['read', 'create', 'update'],
    subject: 'Problem',
    why: 'keeps the problems the EST group works on and links incidents to them',
  },
  {
    who: 'coordinator',
    actions: ['read', 'create', 'update'],
    subject: 'ProblemAction',
    why: 'manages every action (åtgärd), its owner and whether it is public',
  },

  {
    who: 'coordinator',
    actions: ['read', 'create', 'approve', 'delete'],
    subject: 'ActionPlan',
    why: 'compiles, approves, publishes, corrects and retracts the yearly åtgärdsplan',
  },

  // Granskare.
  {
    who: 'reviewer',
    actions: ['read'],
    subject: 'Lagesbild',
    when: 'internalOrOpenView',
    why: 'compares the open version with the internal one',
  },
  {
    who: 'reviewer',
    actions: ['approve'],
    subject: 'Lagesbild',
    when: 'openViewFourEyes',
    why: 'the second pair of eyes',
  },
  { who: 'reviewer', actions: ['read'], subject: 'Redaction', why: 'sees what was masked and why' },
  {
    who: 'reviewer',
    actions: ['read'],
    subject: 'ActionPlan',
    when: 'internalOrOpenView',
    why: 'compares the åtgärdsplan’s open version with the internal one',
  },
  {
    who: 'reviewer',
    actions: ['approve'],
    subject: 'ActionPlan',
    when: 'openViewFourEyes',
    why: 'the second pair of eyes on the åtgärdsplan',
  },

  // EST-gruppen.
  {
    who: 'est_member',
    actions: ['read'],
    subject: 'Lagesbild',
    when: 'internalView',
    why: 'the EST group reads the internal version',
  },
  { who: 'est_member', actions: ['read'], subject: 'Problem', why: 'the EST group follows its problems' },
  {
    who: 'est_member',
    actions: ['read'],
    subject: 'ActionPlan',
    when: 'internalView',
    why: 'the EST group reads the internal åtgärdsplan',
  },
  {
    who: 'est_member',
    actions: ['read'],
    subject: 'ProblemAction',
    why: 'the EST group follows every action and its effect',
  },

  // Rapportör.
  {
    who: 'reporter',
    actions: ['read'],
    subject: 'Report',
    when: 'ownOrganisation',
    why: 'its own organisation’s reports, past ones too',
  },
  {
    who: 'reporter',
    actions: ['create', 'submit', 'withdraw'],
    subject: 'Report',
    when: 'ownOrganisationOpenPeriod',
    why: 'files the weekly report',
  },
  {
    who: 'reporter',
    actions: ['update'],
    subject: 'Report',
    when: 'ownOrganisationOpenPeriod',
    fields: REPORT_FIELDS,
    why: 'writes the narrative; never status or organisation',
  },
  {
    who: 'reporter',
    actions: ['read'],
    subject: 'Incident',
    when: 'ownOrganisation',
    why: 'its own organisation’s incidents',
  },
  {
    who: 'reporter',
    actions: ['create', 'delete'],
    subject: 'Incident',
    when: 'ownOrganisationOpenPeriod',
    why: 'reports and withdraws incidents',
  },
  {
    who: 'reporter',
    actions: ['update'],
    subject: 'Incident',
    when: 'ownOrganisationOpenPeriod',
    fields: INCIDENT_FIELDS,
    why: 'edits the six EST columns',
  },
  {
    who: 'reporter',
    actions: ['read'],
    subject: 'ProblemAction',
    when: 'ownOrganisation',
    why: 'the actions its own organisation owns',
  },
  {
    who: 'reporter',
    actions: ['create', 'update'],
    subject: 'ProblemAction',
    when: 'ownOrganisation',
    fields: OWN_ACTION_FIELDS,
    why: 'updates its own organisation’s actions and adds follow-ups (never the owner or publicity)',
  },
];
