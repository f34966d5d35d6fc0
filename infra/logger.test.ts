import { Writable } from 'node:stream';
import { createLogger, redactSecrets } from './logger';

const stream = (lines: Record<string, unknown>[]) =>
  new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: createLogger('test', 'info', stream(lines)) };
}

describe('logger', () => {
  it('masks the password of connection strings and secret query parameters, nothing else', () => {
    expect(redactSecrets('postgres://iby:s3cr3t@db:5432/iby and redis://:pw@redis:6379/0')).toBe(
      'postgres://iby:***@db:5432/iby and redis://:***@redis:6379/0',
    );
    expect(redactSecrets('GET https://api.example/x?symbol=A&apikey=abc123&to=1')).toBe(
      'GET https://api.example/x?symbol=A&apikey=***&to=1',
    );
    expect(redactSecrets('http://127.0.0.1:7233 postgres://postgres@127.0.0.1/iby')).toBe(
      'http://127.0.0.1:7233 postgres://postgres@127.0.0.1/iby',
    );
  });

  it('writes JSON lines with secrets redacted by field, in strings, in messages and in errors', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        req: { headers: { authorization: 'Bearer t', 'x-api-key': 'k', host: 'h' } },
        config: { s3: { secretKey: 'sk' }, db: { url: 'postgres://u:p@h/d' } },
        password: 'pw',
      },
      'connecting to postgres://u:hunter2@h/d',
    );
    logger.error({ err: new Error('connect failed for postgres://u:hunter2@h/d') }, 'boom');
    // Objects with their own serializer (Fastify's request) reach it whole, not flattened to own properties.
    class Request {
      get url() {
        return '/v1/runs';
      }
    }
    createLogger('test', 'info', stream(lines))
      .child({}, { serializers: { req: (r: Request) => ({ url: r.url }) } })
      .info({ req: new Request() }, 'in');
    const [first, second, third] = lines;
    expect(third.req).toEqual({ url: '/v1/runs' });
    expect(first.msg).toBe('connecting to postgres://u:***@h/d');
    expect(first.req).toEqual({ headers: { authorization: '***', 'x-api-key': '***', host: 'h' } });
    expect(first.config).toEqual({ s3: { secretKey: '***' }, db: { url: 'postgres://u:***@h/d' } });
    expect(first.password).toBe('***');
    expect(first.service).toBe('test');
    expect(JSON.stringify(second)).not.toContain('hunter2');
    expect((second.err as { message: string }).message).toBe('connect failed for postgres://u:***@h/d');
  });
});
