import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../identity/index.js';
import { CommandRunner, type LoadedStream, type RunResult } from '../platform/commands/command-runner.js';
import { lagesbildNotVisible } from './lagesbild-access.js';
import {
  type LagesbildCommand,
  type LagesbildEvent,
  type LagesbildState,
  lagesbildDecider,
} from './lagesbild.decider.js';
import { LAGESBILD_SETTINGS, type LagesbildSettings } from './lagesbild.settings.js';
import { lagesbildStreamId } from './lagesbild-stream.js';

/** What a lägesbild command answers: the runner's result with the lägesbild's state and events. */
export type LagesbildResult = RunResult<LagesbildState, LagesbildEvent>;

/**
 * One week's lägesbild for the handlers: its stream and the decider with the municipality's
 * policy bound in, over the platform's CommandRunner (which loads, decides, appends guarded by
 * the version read and retries). No loop of its own.
 */
@Injectable()
export class LagesbildAggregate {
  private readonly decider;

  constructor(
    private readonly runner: CommandRunner,
    @Inject(LAGESBILD_SETTINGS) readonly settings: LagesbildSettings,
  ) {
    this.decider = lagesbildDecider(settings.policy);
  }

  /** Decides `command` on the week's stream for `caller`; `expectedVersion` is the client's If-Match. */
  run(
    caller: Caller,
    period: string,
    command: LagesbildCommand,
    expectedVersion?: number,
  ): Promise<LagesbildResult> {
    return this.runner.run(lagesbildStreamId(period), this.decider, command, {
      context: caller.context,
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
  }

  load(period: string): Promise<LoadedStream<LagesbildState>> {
    return this.runner.load(lagesbildStreamId(period), this.decider);
  }

  /** The compiled week; 404 before it is compiled. */
  async loadCompiled(period: string): Promise<LoadedStream<LagesbildState>> {
    const loaded = await this.load(period);
    if (!loaded.exists) throw lagesbildNotVisible();
    return loaded;
  }
}
