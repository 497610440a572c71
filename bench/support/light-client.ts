import { Client } from 'undici';

/**
 * A JSON client for load generators: one kept-alive connection on undici's Client, which costs
 * the machine less CPU per request than node:http's client and far less than fetch (measured in
 * the reporting benchmark), and the load generator shares the machine's two cores with the
 * server it measures.
 */
export class LightClient {
  private readonly client: Client;
  private readonly authorization: string;

  constructor(baseUrl: string, bearer: string) {
    this.client = new Client(baseUrl, { pipelining: 1 });
    this.authorization = `Bearer ${bearer}`;
  }

  post(path: string, body: unknown = {}): Promise<{ status: number; body: unknown }> {
    return this.send('POST', path, JSON.stringify(body));
  }

  get(path: string): Promise<{ status: number; body: unknown }> {
    return this.send('GET', path, null);
  }

  private async send(
    method: 'GET' | 'POST',
    path: string,
    payload: string | null,
  ): Promise<{ status: number; body: unknown }> {
    const response = await this.client.request({
      method,
      path,
      headers: payload
        ? { 'content-type': 'application/json', authorization: this.authorization }
        : { authorization: this.authorization },
      body: payload,
    });
    const text = await response.body.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.statusCode, body: parsed };
  }
}
