/**
 * The limit the API's cached reads are measured against: a bare Fastify server (no plugins, no logging) that sends
 * the bytes of one file, the very body the API answered, with the same content type. Run as its own process, like
 * the API, so both compete for the same cores in the same way: `node bare-server.js <port> <body-file>`.
 */
import fs from 'node:fs';
import Fastify from 'fastify';

async function main(): Promise<void> {
  const [port, file] = process.argv.slice(2);
  const body = fs.readFileSync(file);
  const app = Fastify({ logger: false });
  app.get('/body', (_request, reply) => {
    void reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });
  await app.listen({ host: '127.0.0.1', port: Number(port) });
  process.send?.('listening');
}

main().catch((err: unknown) => {
  process.stderr.write(`bare server failed: ${String(err)}\n`);
  process.exit(1);
});
