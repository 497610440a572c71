import { firstForbiddenCharacter, forbiddenCharacterMessage } from '@laget/contracts';
import type { FastifyInstance } from 'fastify';
import { ValidationFailed, type FieldProblem } from './validation.js';

/**
 * Path parameters and query values reach SQL and in-memory lookups in every module; a NUL, a
 * lone surrogate or a noncharacter there is never a real id or filter, and PostgreSQL answers it
 * with an error (a 500). So before any route runs, every parameter and query value is checked with
 * the same rule as free text in bodies (libs/contracts free-text.ts): 400 naming it otherwise.
 * Routes still validate their values' shape themselves; this is the floor under all of them.
 */
export function refuseUnstorableRouteInput(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, reply, done) => {
    const problems = [...problemsIn('params', request.params), ...problemsIn('query', request.query)];
    if (problems.length === 0) return done();
    void reply.code(400).send(new ValidationFailed(problems).getResponse());
  });
}

function problemsIn(where: 'params' | 'query', values: unknown): FieldProblem[] {
  if (typeof values !== 'object' || values === null) return [];
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    for (const text of [name, ...(Array.isArray(value) ? value : [value])]) {
      if (typeof text !== 'string') continue;
      const found = firstForbiddenCharacter(text);
      if (!found) continue;
      const field = `${where}.${firstForbiddenCharacter(name) ? '?' : name}`;
      problems.push({
        field,
        message: forbiddenCharacterMessage((sv, en) => `${field}: ${sv} / ${field}: ${en}`, text, found),
      });
      break;
    }
  }
  return problems;
}
