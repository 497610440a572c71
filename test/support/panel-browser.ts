import { randomBytes } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { authProvider } from '../../apps/admin/src/authProvider.js';
import { loadMe } from '../../apps/admin/src/auth/session.js';
import { api } from '../../apps/admin/src/http.js';

/**
 * What a browser gives the admin panel's own HTTP code (apps/admin/src/http.ts) and nothing more:
 * relative URLs resolved against the page's origin, and one cookie jar per person (one tab each),
 * with the `Origin` header a browser sends on a same-origin request. The panel's code runs as it is;
 * only `fetch` is swapped while a suite runs.
 */
export class PanelBrowser {
  private readonly jars = new Map<string, Map<string, string>>();
  private jar = new Map<string, string>();
  private readonly realFetch = globalThis.fetch;

  constructor(readonly origin: string) {}

  install(): void {
    globalThis.fetch = this.fetch;
  }

  uninstall(): void {
    globalThis.fetch = this.realFetch;
  }

  private readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), this.origin);
    const headers = new Headers(init?.headers);
    if (url.origin === this.origin) {
      if (this.jar.size > 0) headers.set('Cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
      headers.set('Origin', this.origin);
    }
    const response = await this.realFetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
    return response;
  };

  /** Turns to a person's tab: their cookies, and the CSRF token the panel reads from /api/auth/me. */
  async switchTo(username: string): Promise<void> {
    const jar = this.jars.get(username) ?? new Map<string, string>();
    this.jars.set(username, jar);
    this.jar = jar;
    if (jar.size > 0) await loadMe(true);
  }

  /**
   * Logs in through the panel's authProvider in a fresh tab and, where the account still has its
   * one-time password, changes it as the change-password page does, then logs in again.
   */
  async logIn(username: string, password: string): Promise<void> {
    this.jars.delete(username);
    await this.switchTo(username);
    await authProvider.login({ username, password });
    const me = await loadMe();
    if (!me.mustChangePassword) return;
    const newPassword = `Lägesbild-${randomBytes(9).toString('base64url')}`;
    await api('/api/auth/password', {
      method: 'POST',
      body: { currentPassword: password, newPassword },
    }).catch((e: { status?: number; body?: unknown }) => {
      throw new Error(`password change of ${username}: ${e.status} ${JSON.stringify(e.body)}`);
    });
    await this.logIn(username, newPassword);
  }
}

/**
 * The response schemas of the served OpenAPI document (/api/docs-json), compiled with ajv:
 * an answer is checked against what the document promises for that operation and status.
 */
type Responses = Record<string, unknown>;
interface DocumentPaths {
  paths?: Record<string, Record<string, { responses?: Responses } | undefined>>;
  components?: { schemas?: Record<string, unknown> };
}

export class ServedDocument {
  private constructor(
    private readonly ajv: Ajv2020,
    private readonly document: DocumentPaths,
  ) {}

  static async load(origin: string): Promise<ServedDocument> {
    const document = (await (await fetch(`${origin}/api/docs-json`)).json()) as DocumentPaths;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ ...document, $id: 'openapi' });
    return new ServedDocument(ajv, document);
  }

  get componentNames(): string[] {
    return Object.keys(this.document.components?.schemas ?? {});
  }

  /**
   * '' where `body` is what `method path` documents for its success answer (the one 2xx status the
   * operation names), else what is wrong with it.
   */
  problems(method: string, path: string, body: unknown): string {
    const responses = this.document.paths?.[path]?.[method.toLowerCase()]?.responses ?? {};
    const success = Object.keys(responses).filter((status) => status.startsWith('2'));
    if (success.length !== 1) return `${method} ${path}: documents ${success.length} success answers`;
    const pointer = `openapi#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${success[0]}/content/application~1json/schema`;
    const validate = this.ajv.getSchema(pointer);
    if (!validate) return `${method} ${path} ${success[0]}: no response schema in the document`;
    return validate(body) ? '' : `${method} ${path} ${success[0]}: ${this.ajv.errorsText(validate.errors)}`;
  }
}
