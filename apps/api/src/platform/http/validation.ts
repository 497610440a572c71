import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { apiError } from './api-error.js';

export interface FieldProblem {
  /** Dotted path of the offending field from the root of what was validated, e.g. `body.incidents.0.problem`. */
  field: string;
  message: string;
}

/** A reply names at most this many fields; a hostile body can hold thousands of wrong ones. */
export const MAX_FIELD_PROBLEMS = 20;

/**
 * Thrown for input that does not match its schema: 400 naming the offending fields, the first
 * MAX_FIELD_PROBLEMS of them in `details`; the message says how many more there were.
 */
export class ValidationFailed extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    const shown = problems.slice(0, MAX_FIELD_PROBLEMS);
    const more = problems.length - shown.length;
    const summary = shown.map((p) => `${p.field}: ${p.message}`).join('; ');
    const moreNote =
      more > 0 ? ` (och ${more} fält till / and ${more} more ${more === 1 ? 'field' : 'fields'})` : '';
    super(apiError(400, `Invalid input: ${summary}`.slice(0, 1000) + moreNote, shown));
  }
}

/** Validates `value` against `schema`, or throws ValidationFailed naming the fields under `where`. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: 'body' | 'query' | 'params' | 'header' = 'body',
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed(
    result.error.issues.flatMap(closestIssues).map((issue) => ({
      field: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

/**
 * A union's failure names the fields of the branch the input came closest to (fewest problems),
 * not the union as a whole: a redaction with a hostile `reason` says `body.reason`, not `body`.
 */
function closestIssues(issue: z.core.$ZodIssue): Array<{ path: PropertyKey[]; message: string }> {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const branches = issue.errors.map((branch) => branch.flatMap(closestIssues));
  const closest = branches.reduce((best, branch) => (branch.length < best.length ? branch : best));
  if (closest.length === 0) return [issue];
  return closest.map((nested) => ({ path: [...issue.path, ...nested.path], message: nested.message }));
}

/** `@Body(new ZodPipe(schema))`: the same validation as a Nest pipe. */
export class ZodPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    private readonly where: 'body' | 'query' | 'params' = 'body',
  ) {}

  transform(value: unknown): z.output<Schema> {
    return parseInput(this.schema, value, this.where);
  }
}
