import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { apiError } from './api-error.js';

export interface FieldProblem {
  /** Dotted path of the offending field from the root of what was validated, e.g. `body.incidents.0.problem`. */
  field: string;
  message: string;
}

/** Thrown for input that does not match its schema: 400 with every offending field named. */
export class ValidationFailed extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super(
      apiError(
        400,
        `Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`.slice(0, 1000),
        problems,
      ),
    );
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
    result.error.issues.map((issue) => ({
      field: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
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
