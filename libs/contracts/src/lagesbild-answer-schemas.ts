import { z } from 'zod';
import type { ApproveAnswer, RedactionOverview, VersionAnswer } from './api-answers.js';

/**
 * What the lägesbild changes answer besides the whole document, as zod schemas for the OpenAPI
 * document (docs/adr/0021). Found by the admin data provider's e2e test against the served
 * document: these operations were documented as answering a LagesbildDocument.
 */
export const versionAnswerSchema = z
  .object({ version: z.number().int().meta({ description: "The lägesbild stream's new version" }) })
  .meta({ id: 'VersionAnswer' });

export const redactionOverviewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['mask', 'exclude']),
    sectionId: z.string(),
    path: z.string().nullable().meta({ description: 'Where it points now; null when its item is gone' }),
    start: z.number().int().optional(),
    end: z.number().int().optional(),
    text: z.string().optional().meta({ description: 'The text the mask covers now (internal only)' }),
    legalGround: z.string(),
    reason: z.string(),
    appliedBy: z.string(),
    stale: z.boolean(),
    suggestionKind: z.string().optional(),
  })
  .meta({ id: 'RedactionOverview' });

/** `POST …/redactions`: one mask or exclusion answers its redaction; "everywhere" every one it made. */
export const redactAnswerSchema = z
  .union([
    redactionOverviewSchema.extend({ version: z.number().int() }),
    z.object({ redactions: z.array(redactionOverviewSchema), version: z.number().int() }),
  ])
  .meta({ id: 'RedactAnswer' });

/** `POST …/redactions/:id/reconfirm`. */
export const reconfirmAnswerSchema = redactionOverviewSchema
  .extend({ version: z.number().int() })
  .meta({ id: 'ReconfirmAnswer' });

/** `POST …/approve`. */
export const approveAnswerSchema = z
  .object({
    version: z.number().int(),
    revision: z.number().int(),
    contentHash: z.string().nullable().meta({ description: 'SHA-256 of the approved open version' }),
  })
  .meta({ id: 'ApproveAnswer' });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(): T => true as T;
void same<Same<z.output<typeof versionAnswerSchema>, VersionAnswer>>();
void same<Same<z.output<typeof redactionOverviewSchema>, RedactionOverview>>();
void same<Same<z.output<typeof approveAnswerSchema>, ApproveAnswer>>();
