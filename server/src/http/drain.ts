import type { Server } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * What a process says about itself while it stops: once draining, `/api/ready`
 * answers 503 (the load balancer stops sending) and every answer carries
 * `Connection: close` (keep-alive clients open their next request elsewhere).
 */
export interface Lifecycle {
  draining: boolean;
}

export function newLifecycle(): Lifecycle {
  return { draining: false };
}

export function closeWhileDraining(lifecycle: Lifecycle): RequestHandler {
  return (_req, res, next) => {
    if (lifecycle.draining) res.setHeader('Connection', 'close');
    next();
  };
}

/**
 * Stops taking connections and waits for the requests in flight — a streamed
 * export included — to finish, closing keep-alive connections as they fall idle.
 * After `graceMs` whatever is left is cut. Resolves true when nothing was cut.
 */
export async function drain(server: Server, lifecycle: Lifecycle, graceMs: number): Promise<boolean> {
  lifecycle.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const cut = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), graceMs);
    }),
  ]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (cut) {
    server.closeAllConnections();
    await closed;
  }
  return !cut;
}
