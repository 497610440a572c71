import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Client } from '../../identity/test/http-client.js';

/** What the check reads of an answer (either e2e client's). */
interface JsonAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

// ajv-formats is CommonJS: its default export arrives as the module object under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as typeof addFormatsModule.default;

const publicJson = /^\/public\/.+\.json(\?|$)/;

/**
 * Checks every public JSON answer a client receives against the JSON Schema the server itself
 * serves (`/public/schema/lagesbild.schema.json`), found through the answer's own `$schema` and
 * `Link: rel="describedby"`: a document that does not match its schema fails the test that read it.
 */
export class PublicJsonSchemaCheck {
  /** How many public JSON answers were checked: a suite asserts it is not zero. */
  checked = 0;

  private constructor(
    private readonly ajv: Ajv2020,
    private readonly schemaUrl: string,
  ) {}

  static async fromServer(baseUrl: string): Promise<PublicJsonSchemaCheck> {
    const response = await fetch(`${baseUrl}/public/schema/lagesbild.schema.json`);
    if (response.status !== 200) throw new Error(`schema: ${response.status}`);
    if (!response.headers.get('content-type')?.startsWith('application/schema+json')) {
      throw new Error(`schema content type: ${response.headers.get('content-type')}`);
    }
    const schema = (await response.json()) as { $id: string };
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(schema);
    return new PublicJsonSchemaCheck(ajv, schema.$id);
  }

  /** Throws, naming the problems, when `answer` (a 200 from a public `.json` address) does not match. */
  check(path: string, answer: JsonAnswer): void {
    if (answer.status !== 200 || !publicJson.test(path)) return;
    const body = answer.body as { $schema?: unknown };
    const link = answer.headers.get('link') ?? '';
    if (link !== `<${this.schemaUrl}>; rel="describedby"; type="application/schema+json"`) {
      throw new Error(`${path}: Link header ${JSON.stringify(link)} does not name ${this.schemaUrl}`);
    }
    if (typeof body.$schema !== 'string' || !body.$schema.startsWith(this.schemaUrl)) {
      throw new Error(`${path}: $schema ${JSON.stringify(body.$schema)} is not ${this.schemaUrl}…`);
    }
    const validate = this.ajv.getSchema(body.$schema);
    if (!validate) throw new Error(`${path}: no schema at ${body.$schema}`);
    if (!validate(body)) {
      throw new Error(`${path} does not match its schema: ${this.ajv.errorsText(validate.errors)}`);
    }
    this.checked += 1;
  }

  /** The client, its `get` checking every public JSON answer. */
  watch(client: Client): Client {
    const get = client.get;
    client.get = async (path) => {
      const answer = await get(path);
      this.check(path, answer);
      return answer;
    };
    return client;
  }
}
