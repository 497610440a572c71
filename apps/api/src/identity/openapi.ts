import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a request body in OpenAPI from the zod schema that validates it (one source). */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return ApiBody({
    schema: json as Parameters<typeof ApiBody>[0] extends { schema?: infer S } ? S : never,
    ...(description ? { description } : {}),
  });
}
