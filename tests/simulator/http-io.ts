/** Reading request bodies and writing replies, including the deliberately broken ones of faults.ts. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Reply } from './errors';
import { BAD_JSON } from './routes/context';

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return BAD_JSON;
  }
}

export function replyText(reply: Reply): { text: string; type: string } {
  if (reply.raw !== undefined) return { text: reply.raw, type: 'text/html; charset=utf-8' };
  return { text: reply.body === undefined ? '' : JSON.stringify(reply.body), type: 'application/json' };
}

export function send(res: ServerResponse, reply: Reply, textOverride?: string): void {
  if (res.destroyed) return;
  const { text, type } = replyText(reply);
  const body = textOverride ?? text;
  res.writeHead(reply.status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...reply.headers,
  });
  res.end(body);
}

export const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();

/** Headers and a first slice of the body, then nothing for `stallMs`, then the rest. */
export async function sendSlowly(res: ServerResponse, reply: Reply, stallMs: number): Promise<void> {
  const { text, type } = replyText(reply);
  const bytes = Buffer.from(text);
  res.writeHead(reply.status, { 'Content-Type': type, 'Content-Length': bytes.length, ...reply.headers });
  res.write(bytes.subarray(0, Math.min(8, bytes.length)));
  await sleep(stallMs);
  if (!res.destroyed) res.end(bytes.subarray(Math.min(8, bytes.length)));
}
