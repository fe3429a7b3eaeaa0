import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorHandler } from '../../server/src/http/errors';
import { tenantShare } from '../../server/src/http/tenant-share';

/*
 * The fair share between companies (http/tenant-share.ts) on a bare Express app:
 * the "session" comes from a header, and each request is held open until the test
 * lets it finish, so who runs and who waits is observed, not timed.
 */

interface Held {
  company: number;
  name: string;
  finish: () => void;
}

async function harness(perCompany: number, maxQueue?: number, activeWindowMs = 0, cores = perCompany) {
  const yields: string[] = [];
  /** What each watching request was told about the other companies (see Contention). */
  const told: string[] = [];
  const started: Held[] = [];
  const arrivals: string[] = [];
  const app = express();
  app.use((req, _res, next) => {
    arrivals.push(req.path.split('/').pop()!);
    const company = Number(req.headers['x-company']);
    if (company) req.session = { id: 's', csrfToken: '', user: { companyId: company } } as unknown as typeof req.session;
    next();
  });
  app.use(express.json());
  // A yield that would time out never does within a test: every resume observed comes from the others finishing.
  app.use(tenantShare({ perCompany, maxQueue, yieldMs: 60_000, activeWindowMs, cores }));
  app.get('/export/:name', async (req, res) => {
    const name = String(req.params.name);
    const wait = res.locals.yieldToOthers?.();
    yields.push(`${name}:${wait ? 'held' : 'free'}`);
    await wait;
    yields.push(`${name}:resumed`);
    res.json({ name });
  });
  app.get('/watch/:name', (req, res) => {
    const name = String(req.params.name);
    const unwatch = res.locals.contention!.watch((othersRunning) => told.push(`${name}:${othersRunning ? 'others' : 'alone'}`));
    started.push({
      company: Number(req.headers['x-company']),
      name,
      finish: () => (unwatch(), res.json({ name })),
    });
  });
  app.all('/work/:name', (req, res) => {
    started.push({
      company: Number(req.headers['x-company']),
      name: String(req.params.name),
      finish: () => res.json({ name: req.params.name }),
    });
  });
  app.use(errorHandler);
  const server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  const call = (company: number, name: string, body?: object) => {
    let request!: http.ClientRequest;
    const answer = new Promise<{ status: number; body: string; retryAfter?: string }>((resolve, reject) => {
      const headers = { 'x-company': String(company), ...(body ? { 'content-type': 'application/json' } : {}) };
      const where = name.startsWith('export') ? 'export' : name.startsWith('watch') ? 'watch' : 'work';
      request = http.request({ port, path: `/${where}/${name}`, method: body ? 'POST' : 'GET', headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body, retryAfter: res.headers['retry-after'] as string | undefined }),
        );
      });
      request.on('error', reject);
      request.end(body ? JSON.stringify(body) : undefined);
    });
    answer.catch(() => undefined);
    return { answer, abort: () => request.destroy() };
  };
  // Lets the event loop run until `list` has `n` entries.
  const waitFor = async (list: unknown[], n: number, what: string) => {
    for (let i = 0; list.length < n; i++) {
      if (i > 1000) throw new Error(`only ${list.length} of ${n} requests ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const until = (n: number) => waitFor(started, n, 'started');
  /** Until `n` requests have reached the server (and so passed or joined the queue), plus a turn of the loop. */
  const arrived = async (n: number) => {
    await waitFor(arrivals, n, 'arrived');
    await new Promise((r) => setTimeout(r, 20));
  };
  const names = () => started.map((h) => h.name);
  return {
    started,
    yields,
    told,
    call,
    until,
    arrivals,
    arrived,
    names,
    close: () => new Promise((r) => (server.close(r), server.closeAllConnections())),
  };
}

// A request left waiting by a broken share would hang the test: fail it early instead (a safety net, not a timing).
jest.setTimeout(30_000);

describe('fair share of one process between companies', () => {
  test('when a company has its share running, then its next request waits and another company is served at once', async () => {
    const h = await harness(2);
    try {
      const a1 = h.call(1, 'a1');
      await h.until(1); // one by one, so the names come in this order
      const a2 = h.call(1, 'a2');
      await h.until(2);
      const a3 = h.call(1, 'a3');
      await h.arrived(3);
      const b1 = h.call(2, 'b1');
      await h.until(3);
      await h.arrived(4);
      expect(h.names()).toEqual(['a1', 'a2', 'b1']); // a3 waits, b1 did not
      h.started[0].finish();
      await h.arrived(4);
      // Two companies with work: each runs at most 2 ÷ 2 = 1, and company 1 still runs a2.
      expect(h.names()).toEqual(['a1', 'a2', 'b1']);
      h.started[2].finish(); // b1: company 1 is alone again and its share grows back
      await h.until(4);
      expect(h.names()[3]).toBe('a3');
      h.started[1].finish();
      h.started[3].finish();
      const answers = await Promise.all([a1.answer, a2.answer, a3.answer, b1.answer]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    } finally {
      await h.close();
    }
  });

  test('when companies share the process, then each runs its split share and a freed slot goes to its own queue', async () => {
    const h = await harness(4);
    try {
      const a = [];
      for (const n of ['a1', 'a2', 'a3', 'a4']) {
        a.push(h.call(1, n)); // alone: all four run
        await h.until(a.length);
      }
      const b = [h.call(2, 'b1')];
      await h.until(5);
      b.push(h.call(2, 'b2'));
      await h.until(6);
      b.push(h.call(2, 'b3'));
      await h.arrived(7);
      expect(h.names()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'b2']); // company 2 gets 4 ÷ 2 = 2; b3 waits
      h.started[4].finish(); // b1 ends: b3 takes company 2's slot
      await h.until(7);
      expect(h.names()[6]).toBe('b3');
      for (const held of h.started.filter((_, i) => i !== 4)) held.finish();
      await Promise.all([...a, ...b].map((c) => c.answer));
    } finally {
      await h.close();
    }
  });

  test('when companies share a machine with fewer cores than the share, then they split the cores', async () => {
    const h = await harness(4, undefined, 0, 2);
    try {
      const a = [];
      for (const n of ['a1', 'a2', 'a3', 'a4']) {
        a.push(h.call(1, n)); // alone: the whole share, 4
        await h.until(a.length);
      }
      const b = [h.call(2, 'b1')];
      await h.until(5);
      const a5 = h.call(1, 'a5');
      b.push(h.call(2, 'b2'));
      await h.arrived(7);
      // Two companies on two cores: one each (not 4 ÷ 2), so b2 and a5 wait.
      expect(h.names()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
      h.started[4].finish(); // b1 ends: b2 takes company 2's one slot
      await h.until(6);
      expect(h.names()[5]).toBe('b2');
      for (const i of [0, 1, 2]) h.started[i].finish(); // company 1 still runs a4: a5 waits for it
      await Promise.all(a.slice(0, 3).map((c) => c.answer));
      await h.arrived(7);
      expect(h.names()).toHaveLength(6);
      h.started[3].finish();
      await h.until(7);
      expect(h.names()[6]).toBe('a5');
      h.started[5].finish();
      h.started[6].finish();
      await Promise.all([...a, a5, ...b].map((c) => c.answer));
    } finally {
      await h.close();
    }
  });

  test('when another company ended its request within the window, then it still counts, and the share grows back when the window ends', async () => {
    const h = await harness(2, undefined, 1500);
    try {
      const a1 = h.call(1, 'a1');
      await h.until(1);
      const a2 = h.call(1, 'a2');
      await h.until(2); // alone: both run
      const b1 = h.call(2, 'b1');
      await h.until(3);
      h.started[2].finish(); // company 2 has nothing running now, but it was just active
      await b1.answer;
      h.started[0].finish();
      await a1.answer;
      const a3 = h.call(1, 'a3');
      await h.arrived(4);
      // Company 1 runs a2, and two companies have work: 2 ÷ 2 = 1, so a3 waits though nothing else runs.
      expect(h.names()).toEqual(['a1', 'a2', 'b1']);
      // No request ends; company 2's window does, and the share grows back.
      await h.until(4);
      expect(h.names()[3]).toBe('a3');
      h.started[1].finish();
      h.started[3].finish();
      expect((await Promise.all([a2.answer, a3.answer])).map((a) => a.status)).toEqual([200, 200]);
    } finally {
      await h.close();
    }
  });

  test('when another company has a request running, then an export yields until it ends, and runs freely when alone', async () => {
    const h = await harness(5);
    try {
      await h.call(1, 'export-alone').answer;
      const b = h.call(2, 'b');
      await h.until(1);
      const held = h.call(1, 'export-held');
      await h.arrived(3);
      expect(h.yields).toEqual(['export-alone:free', 'export-alone:resumed', 'export-held:held']);
      h.started[0].finish();
      await held.answer;
      await b.answer;
      expect(h.yields.at(-1)).toBe('export-held:resumed');
    } finally {
      await h.close();
    }
  });

  test('when an export streams, then it gives the company its slot back and another request of the company runs meanwhile', async () => {
    const h = await harness(2);
    try {
      const b = h.call(2, 'b');
      await h.until(1);
      // Two companies with work: one slot each. The export takes company 1's, then steps aside (held: b runs).
      const exported = h.call(1, 'export-streaming');
      await h.arrived(2);
      expect(h.yields).toEqual(['export-streaming:held']);
      const a = h.call(1, 'a');
      await h.until(2); // not behind its own export
      expect(h.names()).toEqual(['b', 'a']);
      h.started[0].finish();
      h.started[1].finish();
      expect((await Promise.all([a.answer, b.answer, exported.answer])).map((r) => r.status)).toEqual([200, 200, 200]);
      expect(h.yields.at(-1)).toBe('export-streaming:resumed');
    } finally {
      await h.close();
    }
  });

  test('when a request with a body (already read) waits its turn, then it is served', async () => {
    const h = await harness(1);
    try {
      const first = h.call(6, 'first', { n: 1 });
      await h.until(1);
      const second = h.call(6, 'second', { n: 2 });
      await h.arrived(2);
      h.started[0].finish();
      await h.until(2);
      h.started[1].finish();
      expect([(await first.answer).status, (await second.answer).status]).toEqual([200, 200]);
    } finally {
      await h.close();
    }
  });

  test('when several requests wait, then they start in the order they arrived', async () => {
    const h = await harness(1);
    try {
      const calls = ['x0', 'x1', 'x2', 'x3'].map((n) => h.call(7, n));
      await h.arrived(4);
      for (let i = 1; i <= 3; i++) {
        expect(h.started).toHaveLength(i); // one at a time
        h.started[i - 1].finish();
        await h.until(i + 1);
      }
      h.started[3].finish();
      await Promise.all(calls.map((c) => c.answer));
      expect(h.names()).toEqual(h.arrivals);
    } finally {
      await h.close();
    }
  });

  test('when the queue of a company is full, then it answers 503 with Retry-After and the error JSON', async () => {
    const h = await harness(1, 1);
    try {
      const first = h.call(3, 'first');
      await h.until(1);
      const queued = h.call(3, 'queued');
      await h.arrived(2);
      const refused = await h.call(3, 'refused').answer;
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBe('1');
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'COMPANY_BUSY', message: expect.any(String) });
      h.started[0].finish();
      await h.until(2);
      h.started[1].finish();
      expect((await first.answer).status).toBe(200);
      expect((await queued.answer).status).toBe(200);
      expect(h.names()).toEqual(['first', 'queued']);
    } finally {
      await h.close();
    }
  });

  test('when a waiting client hangs up, then it leaves the queue and the next one gets the slot', async () => {
    const h = await harness(1);
    try {
      const first = h.call(4, 'first');
      await h.until(1);
      const gone = h.call(4, 'gone');
      await h.arrived(2);
      const next = h.call(4, 'next');
      await h.arrived(3);
      gone.abort();
      await new Promise((r) => setTimeout(r, 50)); // the server sees the socket close
      h.started[0].finish();
      await h.until(2);
      h.started[1].finish();
      await Promise.all([first.answer, next.answer]);
      expect(h.names()).toEqual(['first', 'next']);
    } finally {
      await h.close();
    }
  });

  test('when a running client hangs up, then its slot is freed', async () => {
    const h = await harness(1);
    try {
      const cut = h.call(5, 'cut');
      await h.until(1);
      const next = h.call(5, 'next');
      await h.arrived(2);
      cut.abort();
      await h.until(2);
      h.started[1].finish();
      expect((await next.answer).status).toBe(200);
    } finally {
      await h.close();
    }
  });
  test('when an export watches, then it is told when another company starts running a request and when none runs', async () => {
    const h = await harness(4);
    try {
      const w = h.call(1, 'watch1');
      await h.until(1);
      const own = h.call(1, 'a1'); // its own company's request: nothing to tell
      await h.until(2);
      expect(h.told).toEqual([]);
      const b1 = h.call(2, 'b1');
      await h.until(3);
      expect(h.told).toEqual(['watch1:others']);
      const c1 = h.call(3, 'c1');
      await h.until(4);
      h.started[2].finish(); // b1 ends, c1 still runs
      await b1.answer;
      expect(h.told).toEqual(['watch1:others']);
      h.started[3].finish();
      await c1.answer;
      expect(h.told).toEqual(['watch1:others', 'watch1:alone']);
      h.started[1].finish();
      h.started[0].finish();
      await Promise.all([w.answer, own.answer]);
      const b2 = h.call(2, 'b2'); // unwatched: nobody is told
      await h.until(5);
      h.started[4].finish();
      await b2.answer;
      expect(h.told).toEqual(['watch1:others', 'watch1:alone']);
    } finally {
      await h.close();
    }
  });
});
