import http from 'node:http';
import request from 'supertest';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { createApp } from '../../server/src/app/app';
import { testAppKnex, workerDatabaseUrl } from './db';
import { atFileEnd } from './file-end';
import type { Role } from '../../server/src/http/permissions';

let app: Express | undefined;

export async function testApp(): Promise<Express> {
  if (app) return app;
  const knex = await testAppKnex();
  app = createApp({
    knex,
    databaseUrl: workerDatabaseUrl(),
    sessionSecret: 'test-secret',
    // Tests pose as other client addresses through X-Forwarded-For.
    trustProxy: 'loopback',
  });
  return app;
}

let server: Promise<http.Server> | undefined;

/**
 * The test app behind one listening server for the test file. Given the app itself, supertest opens a
 * server for every request and closes it after: thousands of times in the sweeps.
 */
export function testServer(): Promise<http.Server> {
  if (server) return server;
  atFileEnd(closeTestServer);
  server = testApp().then(
    (app) =>
      new Promise<http.Server>((resolve) => {
        const s = http.createServer(app);
        // Idle connections are the client's to close: no race with a request reusing one.
        s.keepAliveTimeout = 0;
        s.listen(0, () => resolve(s));
      }),
  );
  return server;
}

async function closeTestServer(): Promise<void> {
  if (!server) return;
  const s = await server;
  server = undefined;
  await new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
  });
}

export interface Agent {
  role: Role | string;
  username: string;
  userId: number;
  companyId: number;
  csrf: string;
  get(url: string): request.Test;
  post(url: string, body?: unknown): request.Test;
  put(url: string, body?: unknown): request.Test;
  delete(url: string): request.Test;
  raw: ReturnType<typeof request.agent>;
}

export const TEST_PASSWORD = 'secret123';

/** Logs in and returns an agent that keeps the cookie and sends the CSRF header on mutations (on `app`, by default the test app). */
export async function loginAs(username: string, password = TEST_PASSWORD, app?: Express): Promise<Agent> {
  const a = request.agent(app ?? (await testServer()));
  const res = await a.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const csrf = res.body.csrfToken as string;
  return {
    role: res.body.role,
    username,
    userId: res.body.id,
    companyId: res.body.companyId,
    csrf,
    raw: a,
    get: (url) => a.get(url),
    post: (url, body) =>
      a
        .post(url)
        .set('X-CSRF-Token', csrf)
        .send(body as object),
    put: (url, body) =>
      a
        .put(url)
        .set('X-CSRF-Token', csrf)
        .send(body as object),
    delete: (url) => a.delete(url).set('X-CSRF-Token', csrf),
  };
}

/** A query string for ra-data-simple-rest parameters. */
export function listQuery(params: {
  sort?: [string, string];
  range?: [number, number];
  filter?: Record<string, unknown>;
}): string {
  const parts: string[] = [];
  if (params.sort) parts.push(`sort=${encodeURIComponent(JSON.stringify(params.sort))}`);
  if (params.range) parts.push(`range=${encodeURIComponent(JSON.stringify(params.range))}`);
  if (params.filter) parts.push(`filter=${encodeURIComponent(JSON.stringify(params.filter))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export type { Knex };
