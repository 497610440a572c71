import { Query } from '@nestjs/cqrs';
import type { ApprovedOpenMap } from '../lagesbild-state.js';

/**
 * The open map an approval of the period's open version now would fix (docs/adr/0030): its hash,
 * and the open content hash it was counted from, so that the decider can tell whether the map
 * belongs to the version it approves. Declared here, by the feature that asks, and answered by the
 * publication feature, which counts maps (a lägesbild never imports the publication).
 */
export class OpenMapToApproveQuery extends Query<ApprovedOpenMap> {
  constructor(readonly period: string) {
    super();
  }
}
