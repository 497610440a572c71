import type { OrganisationEvent } from '../identity/organisation.decider.js';
import type { SecurityEvent } from '../identity/security-events.js';
import type { UserEvent } from '../identity/user.decider.js';
import type { LagesbildViewRead } from '../lagesbild/lagesbild-history.js';
import type { LagesbildEvent } from '../lagesbild/lagesbild.decider.js';
import type { RemindersRequested } from '../publication/reminder-request.decider.js';
import type { PlaceEvent } from '../reporting/place-register.decider.js';
import type { ReportEvent } from '../reporting/report.decider.js';
import type { EmailEvent } from '../platform/jobs/email/email.decider.js';
import type { GallringEvent } from '../gallring/gallring.decider.js';
import type { ActionEvent } from '../atgarder/action.decider.js';
import type { PlanEvent } from '../atgarder/plan/plan.decider.js';
import type { ProblemEvent } from '../atgarder/problem.decider.js';
import type { AreaEvent } from '../map/area-register.decider.js';
import { atgarderEventTemplates } from './every-event-atgarder.js';
import { type Template, change } from './every-event-template.js';

export type { Family, Template } from './every-event-template.js';

/** Appended by the accounts service and the report reads, without a union type of their own. */
type UsernameReserved = { type: 'UsernameReserved'; data: { username: string; userId: string } };
type ReportRead = {
  type: 'ReportRead';
  data: { reportId: string; period: string; organisationId: string; version: number };
};

/** Every event the application appends. A new event type must be added below, or this does not compile. */
export type ApplicationEvent =
  | OrganisationEvent
  | UserEvent
  | SecurityEvent
  | UsernameReserved
  | ReportEvent
  | ReportRead
  | PlaceEvent
  | LagesbildEvent
  | LagesbildViewRead
  | EmailEvent
  | RemindersRequested
  | GallringEvent
  | ProblemEvent
  | ActionEvent
  | PlanEvent
  | AreaEvent;

const incident = {
  problem: 'Skadegörelse',
  location: 'Skolgården',
  placeId: 'place-1',
  occurredAt: { raw: '250107', parsed: { kind: 'date' as const, on: '2025-01-07' } },
  frequency: 'En gång',
  category: 'skadegorelse',
  tags: [],
  assessment: { severity: 2, scope: 'EA' as const },
  comment: 'Söndersparkat vattenlås.',
};
const snapshot = {
  reportId: 'rep-1',
  reportVersion: 3,
  organisationId: 'org-1',
  organisationName: 'Skolan',
  sectionTitle: 'Skolans rapport',
  narrative: { kind: 'text' as const, text: 'Lugn vecka.' },
  incidents: [{ ...incident, id: 'inc-1', occurredAt: '250107' }],
  statistics: {
    text: '29 händelser',
    items: [{ id: 'stat-1', key: 'brott', label: 'Brott', count: 2, note: 'x' }],
  },
};

const redaction = {
  id: 'red-1',
  legalGround: 'OSL 21:1',
  reason: 'Personuppgift',
  appliedBy: 'user-1',
  kind: 'mask' as const,
  target: { kind: 'field' as const, sectionId: 'sec-1', itemId: 'inc-1', field: 'problem' },
  start: 0,
  end: 4,
  anchorHash: 'abc',
};

/** One realistic example of each event's data; the property test puts hostile text in every string. */
export const everyEventTemplate: {
  [Type in ApplicationEvent['type']]: Template<Extract<ApplicationEvent, { type: Type }>['data']>;
} = {
  OrganisationRegistered: {
    family: 'organisation',
    data: { organisationId: 'org-1', name: 'Skolan', kind: 'school' },
  },
  OrganisationRenamed: {
    family: 'organisation',
    data: { organisationId: 'org-1', name: 'Skolan', previousName: 'S' },
  },
  OrganisationKindChanged: {
    family: 'organisation',
    data: { organisationId: 'org-1', kind: 'school', previousKind: 'other' },
  },
  OrganisationDeactivated: { family: 'organisation', data: { organisationId: 'org-1' } },
  OrganisationReactivated: { family: 'organisation', data: { organisationId: 'org-1' } },
  UsernameReserved: { family: 'username', data: { username: 'kalle', userId: 'user-1' } },
  UserCreated: {
    family: 'user',
    data: {
      userId: 'user-1',
      username: 'kalle',
      roles: ['reporter'],
      displayName: 'Kalle',
      email: 'kalle@example.org',
      organisationId: 'org-1',
    },
  },
  UserDetailsChanged: {
    family: 'user',
    data: {
      userId: 'user-1',
      changes: {
        displayName: { before: 'K', after: 'Kalle' },
        email: { before: null, after: 'k@example.org' },
        organisationId: { before: null, after: 'org-1' },
      },
    },
  },
  UserRolesChanged: {
    family: 'user',
    data: { userId: 'user-1', roles: ['coordinator'], previousRoles: ['reporter'] },
  },
  UserDeactivated: { family: 'user', data: { userId: 'user-1' } },
  UserReactivated: { family: 'user', data: { userId: 'user-1' } },
  OneTimePasswordIssued: { family: 'user', data: { userId: 'user-1', reason: 'reset' } },
  UserPasswordChanged: { family: 'user', data: { userId: 'user-1' } },
  UserLoggedIn: { family: 'security', data: { userId: 'user-1', sessionId: 's-1', method: 'password' } },
  UserLoginFailed: { family: 'security', data: { userId: 'user-1', reason: 'wrong_password' } },
  UserLockedOut: {
    family: 'security',
    data: { userId: 'user-1', until: '2024-11-25T09:00:00Z', failures: 5 },
  },
  UserLoggedOut: { family: 'security', data: { userId: 'user-1', sessionId: 's-1', reason: 'logout' } },
  ApiTokenIssued: {
    family: 'security',
    data: { userId: 'user-1', tokenId: 't-1', name: 'Import', expiresAt: '2025-11-25T09:00:00Z' },
  },
  ApiTokenRevoked: { family: 'security', data: { userId: 'user-1', tokenId: 't-1', revokedBy: 'user-1' } },
  UnknownUserLoginFailed: { family: 'security', data: { username: 'okand' } },
  ReportOpened: {
    family: 'report',
    data: {
      reportId: 'rep-1',
      period: '2024-W48',
      organisationId: 'org-1',
      openedById: 'user-1',
      openedAt: '2024-11-25T08:00:00Z',
    },
  },
  NarrativeWritten: { family: 'report', data: { changes: change('narrative') } },
  AttendanceDeclared: { family: 'report', data: { changes: change('attendance') } },
  // The first recording (the whole statistics) and a later change of the categories: both carry
  // the police's notes, which may say what a named person did.
  PoliceStatisticsRecorded: {
    family: 'report',
    data: {
      changes: [
        {
          field: 'statistics',
          before: null,
          after: {
            handelserapporter: 29,
            arenden: 12,
            brott: 9,
            note: 'Huvudsakligen egeninitierat.',
            categories: [{ category: 'bedrageri', count: 1, note: 'Handlat på Klarna i annans namn' }],
          },
        },
        {
          field: 'statistics.categories',
          before: [{ category: 'bedrageri', count: 1, note: 'Handlat på Klarna i annans namn' }],
          after: [{ category: 'bedrageri', count: 2, note: 'Två fall' }],
        },
      ],
    },
  },
  IncidentReported: { family: 'report', data: { incidentId: 'inc-1', incident, changes: change('problem') } },
  IncidentEdited: { family: 'report', data: { incidentId: 'inc-1', changes: change('location') } },
  IncidentWithdrawn: {
    family: 'report',
    data: { incidentId: 'inc-1', reason: 'Fel', changes: change('incident') },
  },
  ReportSubmitted: { family: 'report', data: { submittedAt: '2024-11-25T10:00:00Z', submission: 1 } },
  ReportResubmitted: { family: 'report', data: { submittedAt: '2024-11-26T10:00:00Z', submission: 2 } },
  ReportWithdrawn: {
    family: 'report',
    data: { withdrawnAt: '2024-11-26T11:00:00Z', reason: 'Fel vecka', previousStatus: 'submitted' },
  },
  ReportReopened: { family: 'report', data: { reason: 'Rättelse', compilation: 1 } },
  ReportRead: {
    family: 'reportread',
    data: { reportId: 'rep-1', period: '2024-W48', organisationId: 'org-1', version: 3 },
  },
  PlaceRegistered: {
    family: 'place',
    data: { placeId: 'place-1', name: 'Skolgården', kind: 'school', coordinates: { lat: 60, lon: 15 } },
  },
  PlaceEdited: {
    family: 'place',
    data: { placeId: 'place-1', changes: [...change('name'), ...change('kind'), ...change('coordinates')] },
  },
  PlaceRetired: { family: 'place', data: { placeId: 'place-1' } },
  AreaDefined: {
    family: 'area',
    data: {
      areaId: 'area-1',
      name: 'Åsen',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [15.94, 60.06],
            [15.97, 60.06],
            [15.97, 60.09],
            [15.94, 60.06],
          ],
        ],
      },
    },
  },
  AreaRenamed: { family: 'area', data: { areaId: 'area-1', name: 'Åsen norra', previousName: 'Åsen' } },
  AreaRedrawn: {
    family: 'area',
    data: {
      areaId: 'area-1',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [15.94, 60.06],
              [15.98, 60.06],
              [15.98, 60.09],
              [15.94, 60.06],
            ],
          ],
        ],
      },
    },
  },
  AreaRemoved: { family: 'area', data: { areaId: 'area-1', name: 'Åsen norra' } },
  LagesbildCompiled: {
    family: 'lagesbild',
    data: {
      period: '2024-W48',
      background: 'Bakgrund',
      reports: [snapshot],
      takenVersions: [{ reportId: 'rep-1', organisationId: 'org-1', reportVersion: 3 }],
      by: 'user-1',
    },
  },
  SectionEdited: { family: 'lagesbild', data: { sectionId: 'sec-1', text: 'Slutsatser', by: 'user-1' } },
  AmendedReportFlagged: {
    family: 'lagesbild',
    data: { reportId: 'rep-1', organisationId: 'org-1', reportVersion: 4 },
  },
  ReportTakenIn: {
    family: 'lagesbild',
    data: { report: snapshot, previousVersion: 3, reason: 'Sen', by: 'user-1' },
  },
  AudienceDefined: {
    family: 'lagesbild',
    data: {
      audience: {
        name: 'skola',
        title: 'Skolan',
        organisationIds: ['org-1'],
        roles: ['reporter'],
        sectionIds: ['sec-1'],
        incidentIds: null,
      },
      by: 'user-1',
    },
  },
  AudienceRemoved: { family: 'lagesbild', data: { name: 'skola', by: 'user-1' } },
  RedactionApplied: { family: 'lagesbild', data: { redaction, path: '/items/0/problem', by: 'user-1' } },
  SuggestionAccepted: {
    family: 'lagesbild',
    data: {
      redactionId: 'red-2',
      kind: 'phone',
      sectionId: 'sec-1',
      path: '/text',
      start: 0,
      end: 3,
      by: 'user-1',
    },
  },
  RedactionLifted: {
    family: 'lagesbild',
    data: { redactionId: 'red-1', reason: 'Inte känsligt', by: 'user-1' },
  },
  RedactionReconfirmed: {
    family: 'lagesbild',
    data: { redactionId: 'red-1', start: 0, end: 4, anchorHash: 'def', by: 'user-1' },
  },
  SuggestionDismissed: {
    family: 'lagesbild',
    data: {
      sectionId: 'sec-1',
      itemId: null,
      field: 'text',
      start: 0,
      end: 3,
      kind: 'phone',
      anchorHash: 'abc',
      path: '/text',
      reason: 'Inte ett nummer',
      by: 'user-1',
    },
  },
  LagesbildApproved: { family: 'lagesbild', data: { revision: 2, contentHash: 'hash-1', by: 'user-1' } },
  PublicationRequested: {
    family: 'lagesbild',
    data: {
      publicationNumber: 1,
      revision: 2,
      contentHash: 'hash-1',
      correction: { what: 'Fel siffra', why: 'Skrivfel' },
      by: 'user-1',
    },
  },
  LagesbildPublished: {
    family: 'lagesbild',
    data: {
      publicationNumber: 1,
      contentHash: 'hash-1',
      publishedAt: '2024-11-29T12:00:00Z',
      pdfHash: 'pdf-1',
    },
  },
  PublicationFailed: {
    family: 'lagesbild',
    data: { publicationNumber: 1, error: 'Renderingen misslyckades' },
  },
  PublicationRetracted: { family: 'lagesbild', data: { publicationNumber: 1, reason: 'Fel', by: 'user-1' } },
  LagesbildViewRead: {
    family: 'lagesbildread',
    data: { period: '2024-W48', view: 'internal', revision: 2, version: 9 },
  },
  EmailRequested: {
    family: 'email',
    data: { emailId: 'e-1', to: 'a@example.org', subject: 'Påminnelse', text: 'Hej', purpose: 'reminder' },
  },
  EmailSent: { family: 'email', data: { emailId: 'e-1', transport: 'outbox', messageId: '<e-1@laget>' } },
  EmailFailed: { family: 'email', data: { emailId: 'e-1', error: 'SMTP 550', attempts: 5 } },
  RemindersRequested: {
    family: 'reminders',
    data: {
      period: '2024-W48',
      organisationIds: ['org-1'],
      alreadyReported: ['org-2'],
      requestedBy: 'user-1',
    },
  },
  GallringRan: {
    family: 'gallring',
    data: {
      runId: 'run-1',
      at: '2026-12-03T02:15:00Z',
      counts: [{ kind: 'report', subjects: 2, cutoff: '2024-12-03T02:15:00Z' }],
      appendKeysPruned: 3,
      storedCopiesPruned: 2,
      rebuilt: ['audit-log'],
    },
  },
  PersonalDataErased: {
    family: 'gallring',
    data: {
      erasureId: 'er-1',
      at: '2026-12-03T10:00:00Z',
      matchKind: 'text',
      legalGround: 'GDPR art. 17',
      reason: 'Begäran',
      erased: 1,
      locations: [
        {
          kind: 'report',
          week: '2024-W48',
          subject: 'report-1',
          eventType: 'NarrativeWritten',
          field: '/changes/0/after',
          values: 1,
        },
      ],
      storedCopies: 1,
      rebuilt: ['audit-log'],
    },
  },
  ...atgarderEventTemplates,
};
