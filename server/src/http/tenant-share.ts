import type { RequestHandler } from 'express';
import { AppError } from './errors';

/*
 * Many companies share one API process. Without a limit, one company's burst (its
 * whole documents export streaming while eight clerks post receipts) takes every
 * database connection of the pool and most of the event loop, and a small company's
 * list waits behind it. Here each company runs at most `perCompany` requests at a
 * time; the next ones wait their turn in arrival order, so another company's
 * request never queues behind more than `perCompany` of them. A company whose
 * queue is full answers 503 with Retry-After (clients retry, as they do for a
 * pool restart); a request whose client hangs up while waiting leaves the queue.
 * Per process: with several API processes each keeps its own share (the database
 * pool is per process too). TENANT_MAX_CONCURRENCY sets it (0 turns it off).
 */

export interface TenantShareOptions {
  /** Requests of one company running at once. */
  perCompany: number;
  /** Requests of one company waiting; beyond it, 503. */
  maxQueue?: number;
}

export const TENANT_BUSY_RETRY_AFTER_SECONDS = 1;

interface Share {
  running: number;
  waiting: Array<() => void>;
}

export function tenantShare(opts: TenantShareOptions): RequestHandler {
  const maxQueue = opts.maxQueue ?? 500;
  const shares = new Map<number, Share>();
  const release = (companyId: number, share: Share) => {
    const next = share.waiting.shift();
    if (next) next();
    else if (--share.running === 0) shares.delete(companyId);
  };
  return (req, res, next) => {
    const companyId = req.session?.user.companyId;
    if (opts.perCompany <= 0 || companyId === undefined) return next();
    let share = shares.get(companyId);
    if (!share) shares.set(companyId, (share = { running: 0, waiting: [] }));
    const s = share;
    const start = () => {
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release(companyId, s);
      };
      // 'close' also fires when a streamed answer is cut: the slot is never kept.
      res.once('finish', done);
      res.once('close', done);
      next();
    };
    if (s.running < opts.perCompany) {
      s.running++;
      return start();
    }
    if (s.waiting.length >= maxQueue)
      return next(
        new AppError(
          503,
          'COMPANY_BUSY',
          {
            es: 'La empresa tiene demasiadas solicitudes en curso; reintente en un momento',
            en: 'Your company has too many requests in progress; try again in a moment',
          },
          [],
          { 'Retry-After': String(TENANT_BUSY_RETRY_AFTER_SECONDS) },
        ),
      );
    // The slot passes straight from the request that ends to this one (running stays the same).
    // (A client that hung up has left the queue already: see `leave`.)
    const turn = () => {
      res.off('close', leave);
      start();
    };
    const leave = () => {
      const i = s.waiting.indexOf(turn);
      if (i >= 0) s.waiting.splice(i, 1);
    };
    res.once('close', leave);
    s.waiting.push(turn);
  };
}
