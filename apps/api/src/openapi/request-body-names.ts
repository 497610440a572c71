import * as contracts from '@laget/contracts';
import { z } from 'zod';

/**
 * The request bodies of `libs/contracts` as named components of the OpenAPI document, under the
 * name each is exported as (`createPlanRequestSchema` → `CreatePlanRequest`): generated clients
 * then get a type per body instead of an anonymous one per operation. A schema that names itself
 * (`.meta({ id })`) keeps its own name; a body defined beside its controller stays inline.
 */
const exportedNames = new Map<z.ZodType, string>();
for (const [exported, value] of Object.entries(contracts)) {
  if (!(value instanceof z.ZodType) || !/Request(Schema)?$/.test(exported)) continue;
  if (z.globalRegistry.get(value)?.id !== undefined || exportedNames.has(value)) continue;
  const name = exported.replace(/Schema$/, '').replace(/^./, (first) => first.toUpperCase());
  if ([...exportedNames.values()].includes(name)) throw new Error(`Two request bodies named ${name}`);
  exportedNames.set(value, name);
}

const named = new Map<z.ZodType, z.ZodType>();

/** The body schema as the document should show it: named where the contracts export it. */
export function namedRequestBody<Schema extends z.ZodType>(schema: Schema): Schema {
  const name = exportedNames.get(schema);
  if (name === undefined) return schema;
  let result = named.get(schema);
  if (!result) {
    // Once per schema, so two routes with one body share one component; its own meta kept.
    result = schema.meta({ ...z.globalRegistry.get(schema), id: name });
    named.set(schema, result);
  }
  return result as Schema;
}
