/**
 * A hostile HTTPS origin for the token-binding specs: it answers every CORS preflight with "yes",
 * answers the API paths like a console would (so that a client that reached it would carry on), and
 * records every request that reaches it, headers and body included. Anything recorded is a leak.
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface EvilRequest {
  host: string;
  method: string;
  url: string;
  authorization: string | null;
  body: string;
}

export interface EvilOrigin {
  port: number;
  /** Every request received, preflights included, in order. */
  received(): EvilRequest[];
  /** A --host-resolver-rules entry that sends `host` here. */
  mapRule(host: string): string;
  close(): Promise<void>;
}

const CERTS = path.resolve('tests/certs');

/** What a console would answer, enough for a client to go on believing it is one. */
function answerFor(method: string, url: string): unknown {
  if (url.includes('/user')) return { data: { id: '1', email: 'evil@evil.example', scope: 'account' } };
  if (url.includes('/accounts')) return { data: [{ id: '1', name: 'Evil' }], pagination: { totalItems: 1 } };
  if (method === 'GET') return { data: [], pagination: { nextCursor: null, totalItems: 0 } };
  return { data: [] };
}

export async function startEvilOrigin(): Promise<EvilOrigin> {
  const received: EvilRequest[] = [];
  const server = https.createServer(
    { cert: readFileSync(path.join(CERTS, 'sim.crt')), key: readFileSync(path.join(CERTS, 'sim.key')) },
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const method = req.method ?? 'GET';
        const url = req.url ?? '/';
        received.push({
          host: String(req.headers.host),
          method,
          url,
          authorization: req.headers.authorization ?? null,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const cors = {
          'Access-Control-Allow-Origin': String(req.headers.origin ?? '*'),
          'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? '*'),
          'Access-Control-Allow-Credentials': 'true',
        };
        if (method === 'OPTIONS') return void res.writeHead(204, cors).end();
        res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answerFor(method, url)));
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    received: () => [...received],
    mapRule: (host) => `MAP ${host} 127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
