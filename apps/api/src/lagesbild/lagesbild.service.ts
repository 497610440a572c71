import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type {
  ApplyRedactionRequest,
  DefineAudienceRequest,
  DismissSuggestionRequest,
  LagesbildDocument,
  RedactionSuggestion,
} from '@laget/contracts';
import { ANY, type EventStore } from '@laget/event-store';
import { asSubject } from '@laget/permissions';
import { Clock } from '../platform/commands/clock.js';
import { CommandRunner, type RunResult } from '../platform/commands/command-runner.js';
import { metadataFor, newIdFor } from '../platform/commands/request-context.js';
import { DomainError } from '../platform/domain/domain-error.js';
import { apiError } from '../platform/http/api-error.js';
import { EVENT_STORE } from '../platform/platform.tokens.js';
import { QueryBus } from '@nestjs/cqrs';
import {
  OrganisationsWithoutReportQuery,
  ReportingDeadlineQuery,
  SubmittedSnapshotQuery,
  SubmittedSnapshotsQuery,
} from '../reporting/index.js';
import type { LagesbildCaller } from './lagesbild-caller.js';
import {
  type Audience,
  type Correction,
  type LagesbildCommand,
  type LagesbildEvent,
  type LagesbildState,
  lagesbildDecider,
  lagesbildStreamId,
} from './lagesbild.decider.js';
import { LAGESBILD_SETTINGS, type LagesbildSettings } from './lagesbild.settings.js';
import {
  audienceDocument,
  draftDocument,
  internalDocument,
  openDocument,
  redactionOverview,
  type RedactionOverview,
} from './lagesbild-views.js';
import { type HistoryEntry, lagesbildHistory } from './lagesbild-history.js';
import { madeBy, redactionCommand } from './redaction-commands.js';
import { redactionSuggestions } from './redaction-suggestions.js';
import { ScannerOptionsSource } from './scanner-options.js';

/** A parsed `?view=`. */
export type ViewRequest =
  { kind: 'draft' } | { kind: 'internal' } | { kind: 'open' } | { kind: 'audience'; name: string };

/** Where reads of internal content are recorded (who, when, which view and revision). */
export const lagesbildReadStreamId = (period: string) => `lagesbildread-${period}`;

/** Same derivation as the publication module's `publicationJobIdFor`: the job id names the event that asked for it. */
export const publicationJobId = (eventId: string) => `publish-lagesbild-${eventId}`;

const notVisible = () => new NotFoundException(apiError(404, 'Lägesbilden finns inte (not found)'));
const notAllowed = () => new ForbiddenException(apiError(403, 'Du får inte göra detta (not allowed)'));

/**
 * The lägesbild use cases behind the HTTP layer: authorise with the caller's ability, run the
 * decider through the command runner, answer with the view the caller may see.
 */
@Injectable()
export class LagesbildService {
  private readonly decider;

  constructor(
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LAGESBILD_SETTINGS) private readonly settings: LagesbildSettings,
    private readonly queryBus: QueryBus,
    private readonly scannerOptions: ScannerOptionsSource,
    private readonly clock: Clock,
  ) {
    this.decider = lagesbildDecider(settings.policy);
  }

  // ---- reads ----

  async read(caller: LagesbildCaller, period: string, view: ViewRequest): Promise<LagesbildDocument> {
    const loaded = await this.runner.load(lagesbildStreamId(period), this.decider);
    if (view.kind === 'draft') {
      this.require(
        caller,
        caller.ability.can('read', asSubject('Lagesbild', { id: period, view: 'draft', status: 'draft' })),
      );
      if (loaded.exists) {
        throw new DomainError('not_found', `${period} is compiled; read the internal view instead`);
      }
      const reports = await this.queryBus.execute(new SubmittedSnapshotsQuery(period));
      const document = draftDocument(period, reports, this.settings.background);
      await this.logRead(caller, period, 'draft', 0, 0);
      return document;
    }
    if (!loaded.exists) throw notVisible();
    const { state, version } = loaded;
    const status = internalDocument(state, version).status;
    const audience = view.kind === 'audience' ? state.audiences.find((a) => a.name === view.name) : undefined;
    if (view.kind === 'audience' && !audience) {
      this.require(caller, false);
      throw new DomainError('not_found', `There is no audience "${view.name}"`);
    }
    const subject = asSubject('Lagesbild', {
      id: period,
      view: view.kind,
      status,
      fourEyes: this.settings.policy.fourEyes,
      ...(audience
        ? { audienceOrganisationIds: audience.organisationIds, audienceRoles: audience.roles }
        : {}),
    });
    this.require(caller, caller.ability.can('read', subject));
    switch (view.kind) {
      case 'internal':
        await this.logRead(caller, period, 'internal', state.revision, version);
        return internalDocument(state, version);
      case 'audience':
        await this.logRead(caller, period, `audience:${view.name}`, state.revision, version);
        return audienceDocument(state, view.name, version);
      case 'open':
        return openDocument(state, version);
    }
  }

  /** Every compile, edit, redaction, decision, approval and publication, and every read of an internal version. */
  async history(caller: LagesbildCaller, period: string): Promise<HistoryEntry[]> {
    // Those who may see what was masked and why (coordinator, reviewer); an admin has the audit trail without contents.
    this.require(caller, caller.ability.can('read', asSubject('Redaction', { lagesbildId: period })));
    const [events, reads] = await Promise.all([
      this.store.readStream(lagesbildStreamId(period)),
      this.store.readStream(lagesbildReadStreamId(period)),
    ]);
    if (events.length === 0) throw notVisible();
    return lagesbildHistory([...events, ...reads]);
  }

  async redactions(caller: LagesbildCaller, period: string): Promise<RedactionOverview[]> {
    this.require(caller, caller.ability.can('read', asSubject('Redaction', { lagesbildId: period })));
    const { state } = await this.loadCompiled(period);
    return redactionOverview(state);
  }

  async suggestions(caller: LagesbildCaller, period: string): Promise<RedactionSuggestion[]> {
    this.require(caller, caller.ability.can('create', asSubject('Redaction', { lagesbildId: period })));
    const { state } = await this.loadCompiled(period);
    return redactionSuggestions(state, await this.scannerOptions.options());
  }

  /** Those who define target groups see them whole, to edit one without starting over. */
  async audiences(caller: LagesbildCaller, period: string): Promise<Audience[]> {
    this.requireUpdate(caller, period);
    const { state } = await this.loadCompiled(period);
    return structuredClone(state.audiences);
  }

  /** Reports submitted or re-submitted since they were taken: the coordinator decides to take them in. */
  async amendments(
    caller: LagesbildCaller,
    period: string,
  ): Promise<
    Array<{ reportId: string; organisationId: string; takenVersion: number | null; submittedVersion: number }>
  > {
    this.require(
      caller,
      caller.ability.can(
        'update',
        asSubject('Lagesbild', { id: period, view: 'internal', status: 'compiled' }),
      ),
    );
    const { state } = await this.loadCompiled(period);
    const submitted = await this.queryBus.execute(new SubmittedSnapshotsQuery(period));
    return submitted.flatMap((report) => {
      const taken = state.reports.find((candidate) => candidate.organisationId === report.organisationId);
      if (taken && taken.reportVersion >= report.reportVersion) return [];
      return [
        {
          reportId: report.reportId,
          organisationId: report.organisationId,
          takenVersion: taken?.reportVersion ?? null,
          submittedVersion: report.reportVersion,
        },
      ];
    });
  }

  // ---- changes ----

  /** Before the week's deadline, only with `confirmEarly` while someone has not reported (early-compile.ts). */
  async compile(caller: LagesbildCaller, period: string, confirmEarly = false): Promise<LagesbildDocument> {
    this.require(
      caller,
      caller.ability.can('create', asSubject('Lagesbild', { id: period, view: 'internal', status: 'draft' })),
    );
    const reports = await this.queryBus.execute(new SubmittedSnapshotsQuery(period));
    const timing = {
      at: this.clock.now().toISOString(),
      deadline: await this.queryBus.execute(new ReportingDeadlineQuery(period)),
      missingOrganisations: await this.queryBus.execute(new OrganisationsWithoutReportQuery(reports)),
      confirmEarly,
    };
    const result = await this.run(caller, period, {
      type: 'CompileLagesbild',
      data: {
        period,
        background: this.settings.background,
        reports,
        actorId: caller.context.actorId,
        timing,
      },
    });
    return internalDocument(result.state, result.version);
  }

  async editSection(
    caller: LagesbildCaller,
    period: string,
    sectionId: string,
    text: string,
    expectedVersion?: number,
  ): Promise<LagesbildDocument> {
    this.requireUpdate(caller, period);
    const result = await this.run(
      caller,
      period,
      { type: 'EditSection', data: { sectionId, text, actorId: caller.context.actorId } },
      expectedVersion,
    );
    return internalDocument(result.state, result.version);
  }

  async takeIn(
    caller: LagesbildCaller,
    period: string,
    reportId: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<LagesbildDocument> {
    this.requireUpdate(caller, period);
    const report = await this.queryBus.execute(new SubmittedSnapshotQuery(reportId));
    if (!report) throw new DomainError('not_found', `Report ${reportId} has no submitted version`);
    const result = await this.run(
      caller,
      period,
      { type: 'TakeInReport', data: { report, reason, actorId: caller.context.actorId } },
      expectedVersion,
    );
    return internalDocument(result.state, result.version);
  }

  async defineAudience(
    caller: LagesbildCaller,
    period: string,
    request: DefineAudienceRequest,
    expectedVersion?: number,
  ): Promise<LagesbildDocument> {
    this.requireUpdate(caller, period);
    const { name, title, organisationIds, roles, sectionIds, incidentIds } = request;
    const result = await this.run(
      caller,
      period,
      {
        type: 'DefineAudience',
        data: {
          audience: { name, title, organisationIds, roles, sectionIds, incidentIds },
          actorId: caller.context.actorId,
        },
      },
      expectedVersion,
    );
    return audienceDocument(result.state, name, result.version);
  }

  async removeAudience(caller: LagesbildCaller, period: string, name: string, expectedVersion?: number) {
    this.requireUpdate(caller, period);
    const result = await this.run(
      caller,
      period,
      { type: 'RemoveAudience', data: { name, actorId: caller.context.actorId } },
      expectedVersion,
    );
    return { version: result.version };
  }

  /** One mask or exclusion answers its redaction; "everywhere" answers `{redactions, version}`, every one it made. */
  async redact(
    caller: LagesbildCaller,
    period: string,
    request: ApplyRedactionRequest,
    expectedVersion?: number,
  ): Promise<(RedactionOverview | { redactions: RedactionOverview[] }) & { version: number }> {
    this.require(caller, caller.ability.can('create', asSubject('Redaction', { lagesbildId: period })));
    const redactionId = newIdFor(caller.context, 'redaction'); // a retry names the same redaction
    const command = redactionCommand(request, redactionId, caller.context.actorId);
    const result = await this.run(caller, period, command, expectedVersion);
    const made = redactionOverview(result.state).filter(madeBy(redactionId));
    if ('everywhere' in request) return { redactions: made, version: result.version };
    return { ...(made[0] as RedactionOverview), version: result.version };
  }

  async lift(
    caller: LagesbildCaller,
    period: string,
    redactionId: string,
    reason: string,
    expectedVersion?: number,
  ) {
    this.require(caller, caller.ability.can('delete', asSubject('Redaction', { lagesbildId: period })));
    const result = await this.run(
      caller,
      period,
      { type: 'LiftRedaction', data: { redactionId, reason, actorId: caller.context.actorId } },
      expectedVersion,
    );
    return { version: result.version };
  }

  async reconfirm(
    caller: LagesbildCaller,
    period: string,
    redactionId: string,
    span: { start: number; end: number },
    expectedVersion?: number,
  ) {
    this.require(caller, caller.ability.can('create', asSubject('Redaction', { lagesbildId: period })));
    const result = await this.run(
      caller,
      period,
      { type: 'ReconfirmRedaction', data: { redactionId, ...span, actorId: caller.context.actorId } },
      expectedVersion,
    );
    const overview = redactionOverview(result.state).find((redaction) => redaction.id === redactionId);
    return { ...(overview as RedactionOverview), version: result.version };
  }

  async dismissSuggestion(
    caller: LagesbildCaller,
    period: string,
    request: DismissSuggestionRequest,
    expectedVersion?: number,
  ) {
    this.require(caller, caller.ability.can('create', asSubject('Redaction', { lagesbildId: period })));
    const { sectionId, path, start, end, kind } = request;
    const result = await this.run(
      caller,
      period,
      {
        type: 'DismissSuggestion',
        data: {
          sectionId,
          path,
          start,
          end,
          kind,
          reason: request.reason ?? '',
          actorId: caller.context.actorId,
        },
      },
      expectedVersion,
    );
    return { version: result.version };
  }

  async approve(
    caller: LagesbildCaller,
    period: string,
    contentHash: string | undefined,
    expectedVersion?: number,
  ) {
    const { state } = await this.loadCompiled(period);
    const status = internalDocument(state, 0).status;
    this.require(
      caller,
      caller.ability.can(
        'approve',
        asSubject('Lagesbild', { id: period, view: 'open', status, fourEyes: this.settings.policy.fourEyes }),
      ),
    );
    const result = await this.run(
      caller,
      period,
      {
        type: 'ApproveLagesbild',
        data: {
          actorId: caller.context.actorId,
          ...(contentHash ? { contentHash } : {}),
          scanner: await this.scannerOptions.options(),
        },
      },
      expectedVersion,
    );
    return {
      revision: result.state.approval?.revision ?? result.state.revision,
      contentHash: result.state.approval?.contentHash ?? null,
      version: result.version,
    };
  }

  /** Hands the approved revision to the publication job; its id derives from the event, so a retry finds the same job. */
  async publish(
    caller: LagesbildCaller,
    period: string,
    correction: Correction | undefined,
    expectedVersion?: number,
  ) {
    this.require(caller, caller.ability.can('create', asSubject('Publication', { published: false })));
    const result = await this.run(
      caller,
      period,
      {
        type: 'RequestPublication',
        data: { actorId: caller.context.actorId, ...(correction ? { correction } : {}) },
      },
      expectedVersion,
    );
    const requested = result.events.find((event) => event.type === 'PublicationRequested');
    if (!requested) throw new DomainError('conflict', 'Nothing was handed to publication');
    return { jobId: publicationJobId(requested.eventId), version: result.version };
  }

  async retract(caller: LagesbildCaller, period: string, reason: string, expectedVersion?: number) {
    this.require(caller, caller.ability.can('delete', asSubject('Publication', { published: true })));
    const result = await this.run(
      caller,
      period,
      { type: 'RetractPublication', data: { reason, actorId: caller.context.actorId } },
      expectedVersion,
    );
    return { version: result.version };
  }

  // ---- helpers ----

  private async run(
    caller: LagesbildCaller,
    period: string,
    command: LagesbildCommand,
    expectedVersion?: number,
  ): Promise<RunResult<LagesbildState, LagesbildEvent>> {
    return this.runner.run(lagesbildStreamId(period), this.decider, command, {
      context: caller.context,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
  }

  private async loadCompiled(period: string) {
    const loaded = await this.runner.load(lagesbildStreamId(period), this.decider);
    if (!loaded.exists) throw notVisible();
    return loaded;
  }

  /** Anonymous visitors learn nothing (404); a login without the right is told so (403). */
  private require(caller: LagesbildCaller, allowed: boolean): void {
    if (allowed) return;
    throw caller.actor ? notAllowed() : notVisible();
  }

  private requireUpdate(caller: LagesbildCaller, period: string): void {
    this.require(
      caller,
      caller.ability.can(
        'update',
        asSubject('Lagesbild', { id: period, view: 'internal', status: 'compiled' }),
      ),
    );
  }

  private async logRead(
    caller: LagesbildCaller,
    period: string,
    view: string,
    revision: number,
    version: number,
  ) {
    await this.store.append(
      lagesbildReadStreamId(period),
      [
        {
          type: 'LagesbildViewRead',
          data: { period, view, revision, version },
          metadata: metadataFor(caller.context, this.clock.now()),
        },
      ],
      { expectedVersion: ANY },
    );
  }
}
