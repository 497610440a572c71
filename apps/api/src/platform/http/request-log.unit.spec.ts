import { requestForLog } from './request-log.js';

describe('requestForLog', () => {
  it('keeps method, path, id and address, and nothing a request carries in headers or query', () => {
    const logged = requestForLog({
      id: 7,
      method: 'POST',
      url: '/api/reports/2024-W48~org/incidents?search=Anna%20Andersson',
      remoteAddress: '127.0.0.1',
      // What pino-http's standard serialiser also hands over:
      ...({
        headers: { authorization: 'Bearer hemligt', cookie: 'laget_session=abc', 'x-csrf-token': 'csrf' },
        query: { search: 'Anna Andersson' },
      } as object),
    });
    expect(logged).toEqual({
      id: 7,
      method: 'POST',
      path: '/api/reports/2024-W48~org/incidents',
      remoteAddress: '127.0.0.1',
    });
    expect(JSON.stringify(logged)).not.toMatch(/hemligt|laget_session|csrf|Anna/);
  });
});
