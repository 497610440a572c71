import type {
  Amendment,
  ApplyRedactionRequest,
  ApproveAnswer,
  Audience,
  HistoryEntry,
  LagesbildDocument,
  LagesbildView,
  PublishAnswer,
  RedactAnswer,
  ReconfirmAnswer,
  RedactionOverview,
  RedactionSuggestion,
  VersionAnswer,
} from '@laget/contracts';
import type { DataProvider } from 'react-admin';
import { lagesbildApi } from './lagesbild-api.js';

/**
 * The lägesbild endpoints as custom methods of react-admin's data provider, so the workspace
 * reads and changes through `useDataProvider()` and react-query like every other page. Every
 * change answers what the API answered: the workspace puts that into its cache rather than
 * reading everything again (useLagesbildWorkspace).
 */
export interface LagesbildDataMethods {
  getLagesbild(id: string, view: LagesbildView): Promise<LagesbildDocument>;
  getLagesbildRedactions(id: string): Promise<RedactionOverview[] | undefined>;
  getLagesbildSuggestions(id: string): Promise<RedactionSuggestion[]>;
  getLagesbildAmendments(id: string): Promise<Amendment[]>;
  getLagesbildAudiences(id: string): Promise<Audience[]>;
  getLagesbildHistory(id: string): Promise<HistoryEntry[]>;
  changeLagesbild(id: string, change: LagesbildChange, version: number): Promise<unknown>;
}

export type LagesbildDataProvider = DataProvider & LagesbildDataMethods;

/** Every change the workspace makes, with what it sends. */
export type LagesbildChange =
  | { kind: 'editSection'; sectionId: string; text: string }
  | { kind: 'takeIn'; reportId: string; reason: string }
  | { kind: 'redact'; request: ApplyRedactionRequest }
  | { kind: 'lift'; redactionId: string; reason: string }
  | { kind: 'reconfirm'; redactionId: string; span: { start: number; end: number } }
  | { kind: 'dismiss'; suggestion: RedactionSuggestion; reason?: string }
  | { kind: 'defineAudience'; audience: Audience }
  | { kind: 'removeAudience'; name: string }
  | { kind: 'approve'; openMapHash?: string | null | undefined }
  | { kind: 'publish'; correction?: { what: string; why: string } }
  | { kind: 'retract'; reason: string };

/** What each change answers (the API's own types, libs/contracts). */
export interface LagesbildAnswers {
  editSection: LagesbildDocument;
  takeIn: LagesbildDocument;
  redact: RedactAnswer;
  lift: VersionAnswer;
  reconfirm: ReconfirmAnswer;
  dismiss: VersionAnswer;
  defineAudience: LagesbildDocument;
  removeAudience: VersionAnswer;
  approve: ApproveAnswer;
  publish: PublishAnswer;
  retract: VersionAnswer;
}

const json = async <T>(request: Promise<{ json: unknown }>) => (await request).json as T;

async function changeLagesbild(id: string, change: LagesbildChange, version: number): Promise<unknown> {
  switch (change.kind) {
    case 'editSection':
      return json(lagesbildApi.editSection(id, change.sectionId, change.text, version));
    case 'takeIn':
      return json(lagesbildApi.takeIn(id, change.reportId, change.reason, version));
    case 'redact':
      return json(lagesbildApi.redact(id, change.request, version));
    case 'lift':
      return json(lagesbildApi.lift(id, change.redactionId, change.reason, version));
    case 'reconfirm':
      return json(lagesbildApi.reconfirm(id, change.redactionId, change.span, version));
    case 'dismiss':
      return json(lagesbildApi.dismiss(id, change.suggestion, version, change.reason));
    case 'defineAudience':
      return json(lagesbildApi.defineAudience(id, change.audience, version));
    case 'removeAudience':
      return json(lagesbildApi.removeAudience(id, change.name, version));
    case 'approve':
      return json(lagesbildApi.approve(id, version, change.openMapHash));
    case 'publish':
      return lagesbildApi.publish(id, version, change.correction);
    case 'retract':
      return json(lagesbildApi.retract(id, change.reason, version));
  }
}

export const lagesbildDataMethods: LagesbildDataMethods = {
  getLagesbild: (id, view) => lagesbildApi.document(id, view),
  getLagesbildRedactions: (id) => lagesbildApi.redactions(id),
  getLagesbildSuggestions: (id) => lagesbildApi.suggestions(id),
  getLagesbildAmendments: (id) => lagesbildApi.amendments(id),
  getLagesbildAudiences: (id) => lagesbildApi.audiences(id),
  getLagesbildHistory: (id) => lagesbildApi.history(id),
  changeLagesbild,
};
