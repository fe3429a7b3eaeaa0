import type { Server } from 'node:http';
import type { Socket } from 'node:net';
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

const connections = new WeakMap<Server, Set<Socket>>();

/** Keeps the server's open sockets, so a drain can close the idle ones (call it once, before connections arrive). */
export function trackConnections(server: Server): void {
  const open = new Set<Socket>();
  connections.set(server, open);
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
}

/**
 * Ends the sockets that carry no response. Node's own closeIdleConnections() also
 * destroys a socket whose response has called end() while its last bytes still wait
 * in the socket's buffer (a paused client of a streamed export), which cuts the tail
 * of the file; a socket is idle here only once its response has left it (Node clears
 * `_httpMessage` on the response's 'finish').
 */
function endIdleSockets(server: Server): void {
  for (const socket of connections.get(server) ?? []) {
    const busy = (socket as Socket & { _httpMessage?: unknown })._httpMessage;
    if (!busy && socket.writableLength === 0) socket.end();
  }
}

/**
 * Stops taking connections and waits for the requests in flight — a streamed
 * export included — to finish, ending keep-alive connections as they fall idle.
 * After `graceMs` whatever is left is cut. Resolves true when nothing was cut.
 */
export async function drain(server: Server, lifecycle: Lifecycle, graceMs: number): Promise<boolean> {
  lifecycle.draining = true;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  endIdleSockets(server);
  const sweep = setInterval(() => endIdleSockets(server), 100);
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
