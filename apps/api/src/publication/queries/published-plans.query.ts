import { Query } from '@nestjs/cqrs';

/**
 * The published åtgärdsplaner, newest first, for the public list and feed. Declared here, by the
 * feature that asks, and answered by the åtgärder feature's handler (no read-after-write wait),
 * so that the publication does not depend on a feature built on top of it.
 */
export class PublishedPlansQuery extends Query<Array<{ year: number; publishedAt: Date }>> {}
