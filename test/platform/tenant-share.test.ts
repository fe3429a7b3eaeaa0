import express from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorHandler } from '../../server/src/http/errors';
import { REST_RATIO, tenantShare } from '../../server/src/http/tenant-share';
import { loadConfig } from '../../server/src/config';

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

/** The rest of a company with a backlog (see the rest in tenant-share.ts): off unless a test turns it on. */
interface Rest {
  restMaxMs: number;
  restRatio?: number;
  lightLingerMs?: number;
}

async function harness(perCompany: number, maxQueue?: number, activeWindowMs = 0, cores = perCompany, rest?: Rest) {
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
  app.use(tenantShare({ perCompany, maxQueue, yieldMs: 60_000, activeWindowMs, cores, restMaxMs: 0, ...rest }));
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
  /** Until request `name` has started; answers when (performance.now(), within a 2 ms poll). */
  const startOf = async (name: string) => {
    for (let i = 0; !started.some((h) => h.name === name); i++) {
      if (i > 2500) throw new Error(`${name} never started`);
      await new Promise((r) => setTimeout(r, 2));
    }
    return performance.now();
  };
  return {
    started,
    yields,
    told,
    call,
    until,
    arrivals,
    arrived,
    names,
    startOf,
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
  describe('a company with a backlog steps back for a company without one', () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    /** Company 1 runs a1 with a2 waiting (its backlog) on a share of one; company 2 runs b1 alone, no backlog. */
    const start = async (rest: Rest) => {
      const h = await harness(1, undefined, 0, 2, rest);
      const a1 = h.call(1, 'a1');
      await h.until(1);
      const a2 = h.call(1, 'a2');
      await h.arrived(2);
      const b1 = h.call(2, 'b1');
      await h.until(2);
      return { h, calls: [a1, a2, b1] };
    };

    test('when its request ends while the other runs one, then its next request rests, and goes once the other has been idle for the linger', async () => {
      const { h, calls } = await start({ restMaxMs: 10_000, lightLingerMs: 40 });
      try {
        await sleep(600); // a1 takes 600 ms: a2 would rest as long
        const a1Ended = performance.now();
        h.started[0].finish();
        await calls[0].answer;
        await sleep(100);
        expect(h.names()).toEqual(['a1', 'b1']); // a2 rests while b1 runs
        h.started[1].finish();
        const b1Ended = performance.now();
        await calls[2].answer;
        const a2Started = await h.startOf('a2');
        // Not at the rest's term (600 ms after a1), but once company 2 had been idle for the linger (40 ms).
        expect(a2Started - b1Ended).toBeGreaterThanOrEqual(30);
        expect(a2Started - a1Ended).toBeLessThan(500);
        h.started[2].finish();
        expect((await calls[1].answer).status).toBe(200);
      } finally {
        await h.close();
      }
    });

    // a1 takes holdMs while b1 runs on: a2 goes after the rest, [atLeast, below) ms after a1 ended.
    test.each([
      ['ends at its term, at most restMaxMs', { restMaxMs: 100 }, 600, 80, 500],
      ['lasts restRatio times as long as the request took', { restMaxMs: 10_000, restRatio: 2 }, 150, 280, 1000],
    ])('when the other runs on, then the rest %s', async (_, rest, holdMs, atLeast, below) => {
      const { h, calls } = await start({ lightLingerMs: 40, ...rest });
      try {
        await sleep(holdMs);
        const a1Ended = performance.now();
        h.started[0].finish();
        const a2Started = await h.startOf('a2');
        expect(h.names()).toEqual(['a1', 'b1', 'a2']); // b1 still runs
        expect(a2Started - a1Ended).toBeGreaterThanOrEqual(atLeast);
        expect(a2Started - a1Ended).toBeLessThan(below);
        h.started[1].finish();
        h.started[2].finish();
        expect((await Promise.all(calls.map((c) => c.answer))).map((a) => a.status)).toEqual([200, 200, 200]);
      } finally {
        await h.close();
      }
    });

    test('when TENANT_REST_RATIO is set, then the server takes it, 0 turning the rest off; when unset, REST_RATIO', () => {
      const env = { SESSION_SECRET: 's' };
      expect(loadConfig(env).tenantRestRatio).toBeUndefined();
      expect(REST_RATIO).toBe(2);
      expect(loadConfig({ ...env, TENANT_REST_RATIO: '0' }).tenantRestRatio).toBe(0);
      expect(loadConfig({ ...env, TENANT_REST_RATIO: '1.5' }).tenantRestRatio).toBe(1.5);
      for (const bad of ['', 'two', '-1', 'Infinity'])
        expect(() => loadConfig({ ...env, TENANT_REST_RATIO: bad })).toThrow(/TENANT_REST_RATIO must be a number ≥ 0/);
    });

    test('when the other company has a backlog too, or has been idle for longer than the linger, then nobody rests', async () => {
      const { h, calls } = await start({ restMaxMs: 10_000, lightLingerMs: 40 });
      try {
        const b2 = h.call(2, 'b2'); // company 2 has a backlog now: no longer light
        await h.arrived(4);
        await sleep(600);
        let ended = performance.now();
        h.started[0].finish(); // a1 ends after 600 ms: a2 goes at once, not 600 ms later
        expect((await h.startOf('a2')) - ended).toBeLessThan(400);
        h.started[1].finish(); // b1 ends: b2, company 2's backlog, goes at once as well
        await h.startOf('b2');
        h.started[3].finish(); // b2 ends: company 2 has nothing left
        await b2.answer;
        const a3 = h.call(1, 'a3');
        await h.arrived(5);
        await sleep(600); // company 2 idle far longer than the linger; a2 takes 600 ms with a3 waiting
        ended = performance.now();
        h.started[2].finish();
        expect((await h.startOf('a3')) - ended).toBeLessThan(400);
        h.started[4].finish();
        expect((await Promise.all([...calls, b2, a3].map((c) => c.answer))).map((a) => a.status)).toEqual([
          200, 200, 200, 200, 200,
        ]);
      } finally {
        await h.close();
      }
    });
  });
});
