import { createServer } from 'node:http';
import autocannon from 'autocannon';

export interface HttpLoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** autocannon against one URL: the rate a server manages with `connections` clients that never pause. */
export async function hammer(url: string, connections = 50, seconds = 3): Promise<HttpLoadResult> {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    requests: result.requests.total,
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** A server doing nothing but answering: how fast this machine is right now (it is shared). */
export async function hammerBareNode(connections = 50, seconds = 3): Promise<HttpLoadResult> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    return await hammer(`http://127.0.0.1:${port}/`, connections, seconds);
  } finally {
    server.close();
  }
}
