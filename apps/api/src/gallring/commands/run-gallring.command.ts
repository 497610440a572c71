import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RetentionKind, type RetentionRunAnswer, retentionKinds } from '@laget/contracts';
import { AppConfig } from '../../config/app-config.js';
import { Clock } from '../../platform/commands/clock.js';
import { CommandRunner } from '../../platform/commands/command-runner.js';
import type { RequestContext } from '../../platform/commands/request-context.js';
import { gallringRecordDecider, gallringRunStream } from '../gallring.decider.js';
import { gallringSettings } from '../gallring.settings.js';
import { isDue, monthsBefore } from '../retention-rules.js';
import { Shredder } from '../shredder.js';
import { StoredCopies } from '../stored-copies.js';

/**
 * One gallring run (`POST /api/retention/runs`, and the daily job): shreds the keys of every
 * subject whose retention has passed, prunes old idempotency keys of appends and the stored copies
 * past their time (stored-copies.ts), rebuilds the read models and records one `GallringRan` with the counts. A dry run answers the same counts and
 * changes nothing (and records nothing). The controller has checked the caller may run it.
 */
export class RunGallringCommand extends Command<RetentionRunAnswer> {
  constructor(
    readonly context: RequestContext,
    readonly dryRun: boolean,
  ) {
    super();
  }
}

@CommandHandler(RunGallringCommand)
export class RunGallringHandler implements ICommandHandler<RunGallringCommand> {
  constructor(
    private readonly shredder: Shredder,
    private readonly copies: StoredCopies,
    private readonly runner: CommandRunner,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async execute({ context, dryRun }: RunGallringCommand): Promise<RetentionRunAnswer> {
    const rules = this.config.settingsOf(gallringSettings).LAGET_RETENTION;
    const now = this.clock.now();
    const keys = await this.shredder.keyRows();
    const deactivated = await this.shredder.deactivations(
      keys.filter((key) => key.kind === 'login').map((key) => key.subject),
    );
    const due = keys.filter((key) => isDue(key, rules, now, (subject) => deactivated.get(subject) ?? null));
    const counts = retentionKinds.map((kind: RetentionKind) => ({
      kind,
      subjects: new Set(due.filter((key) => key.kind === kind).map((key) => key.subject)).size,
      cutoff: monthsBefore(now, rules[kind]).toISOString(),
    }));
    const appendKeysPruned = await this.shredder.pruneAppendKeys(rules.appendKeyDays, dryRun);
    const pruned = await this.copies.prune(
      { answerDays: rules.appendKeyDays, emailMonths: rules.email },
      now,
      dryRun,
    );
    const storedCopiesPruned = pruned.answers + pruned.emails;
    const runId = randomUUID();
    const at = now.toISOString();
    if (dryRun) return { runId, dryRun, at, counts, appendKeysPruned, storedCopiesPruned };
    await this.shredder.shredKeys(due.map((key) => key.keyId));
    const rebuilt = due.length > 0 ? await this.shredder.afterShred() : [];
    await this.runner.run(
      gallringRunStream(runId),
      gallringRecordDecider,
      {
        type: 'Record',
        event: {
          type: 'GallringRan',
          data: { runId, at, counts, appendKeysPruned, storedCopiesPruned, rebuilt },
        },
      },
      { context },
    );
    return { runId, dryRun, at, counts, appendKeysPruned, storedCopiesPruned };
  }
}
