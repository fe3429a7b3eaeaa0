/**
 * A billing system talking to ctacte with an API token (scopes documents:write and
 * credit-status:read): ask whether the customer may buy on account, post the invoice
 * with its externalRef, retry it as a flaky network would, and check the signature of
 * the webhook ctacte sends back. Dependencies: Node 20+ only.
 *
 *   CTACTE_URL=http://localhost:3000 CTACTE_TOKEN=ctk_live_… CUSTOMER_ID=1 \
 *   WEBHOOK_SECRET=… WEBHOOK_PORT=4000 npx tsx examples/billing-client.ts
 *
 * (with a webhook subscription to http://<this host>:4000/ for document.posted and that secret)
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The receiver's check, as the README documents it: HMAC-SHA256 over "<t>.<raw body>", recent t only. */
export function verifyCtacteSignature(secret: string, header: string, rawBody: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=', 2)));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = crypto.createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  const given = String(parts.v1 ?? '');
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

export interface ClientOptions {
  baseUrl: string;
  token: string;
  customerId: number;
  webhookSecret: string;
  /** Port of the local webhook receiver; 0 picks a free one. */
  webhookPort?: number;
  invoice?: { pointOfSale: number; number: number; total: string; issueDate: string };
  log?: (line: string) => void;
}

export interface ClientReport {
  allowed: boolean;
  documentId: number;
  firstStatus: number;
  retryStatus: number;
  webhook: { eventId: string; type: string; signatureValid: boolean };
}

async function call(o: ClientOptions, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${o.baseUrl}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${o.token}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return { status: res.status, json };
}

/** Starts the receiver, then talks to ctacte; resolves when the invoice's webhook arrived and was checked. */
export async function runBillingClient(o: ClientOptions): Promise<ClientReport> {
  const log = o.log ?? ((line: string) => console.log(line));
  let resolveWebhook!: (w: ClientReport['webhook']) => void;
  let documentId = 0;
  const webhook = new Promise<ClientReport['webhook']>((r) => (resolveWebhook = r));
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const signatureValid = verifyCtacteSignature(o.webhookSecret, String(req.headers['x-ctacte-signature'] ?? ''), raw);
      // Refuse what is not signed by ctacte; ctacte retries whatever does not get a 2xx.
      res.writeHead(signatureValid ? 204 : 401).end();
      const event = JSON.parse(raw) as { id: string; type: string; data: { id?: number } };
      log(`webhook ${event.type} ${event.id}: signature ${signatureValid ? 'valid' : 'INVALID'}`);
      if (event.type === 'document.posted' && event.data.id === documentId)
        resolveWebhook({ eventId: String(req.headers['x-ctacte-event-id']), type: event.type, signatureValid });
    });
  });
  await new Promise<void>((r) => server.listen(o.webhookPort ?? 0, r));
  log(`receiver on port ${(server.address() as AddressInfo).port}`);
  try {
    const credit = await call(o, 'GET', `/customers/${o.customerId}/credit-status`);
    log(`credit-status: allowed=${credit.json.allowed} available=${credit.json.available}`);
    const inv = o.invoice ?? {
      pointOfSale: 7,
      number: Math.floor(Date.now() / 1000) % 99999999,
      total: '121000.00',
      issueDate: new Date().toISOString().slice(0, 10),
    };
    const body = {
      customerId: o.customerId,
      type: 'FAC',
      letter: 'A',
      ...inv,
      externalRef: `BILLING-FAC-A-${inv.pointOfSale}-${inv.number}`,
    };
    const first = await call(o, 'POST', '/documents', body, { 'Idempotency-Key': body.externalRef });
    documentId = Number(first.json.id);
    log(`posted ${first.json.displayNumber} (id ${documentId}): ${first.status}`);
    // The answer got lost on the way back: billing retries the same invoice, ctacte answers the same document.
    const retry = await call(o, 'POST', '/documents', body);
    log(`retried: ${retry.status}, id ${retry.json.id}`);
    if (Number(retry.json.id) !== documentId) throw new Error('the retry posted a second document');
    return {
      allowed: Boolean(credit.json.allowed),
      documentId,
      firstStatus: first.status,
      retryStatus: retry.status,
      webhook: await webhook,
    };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

if (require.main === module) {
  runBillingClient({
    baseUrl: process.env.CTACTE_URL ?? 'http://localhost:3000',
    token: process.env.CTACTE_TOKEN ?? '',
    customerId: Number(process.env.CUSTOMER_ID ?? 1),
    webhookSecret: process.env.WEBHOOK_SECRET ?? '',
    webhookPort: Number(process.env.WEBHOOK_PORT ?? 4000),
  }).then(
    (report) => console.log(JSON.stringify(report, null, 2)),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
