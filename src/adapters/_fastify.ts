// The Fastify adapter's look at Fastify's own route context.
import type { FastifyRequest } from 'fastify';

interface RouteContextLike {
  readonly onError?: unknown;
  readonly errorHandler?: { readonly func?: unknown };
}
let contextKey: symbol | undefined;

/**
 * Whether Fastify would hand an error of this request straight to errata's handler: its route
 * context (Fastify's own, found by its symbol's name) has no onError hook and errata's error
 * handler. Anything unexpected answers no, and the error takes Fastify's pipeline.
 */
export function onlyErrata(request: FastifyRequest, ours: WeakSet<object>): boolean {
  const r = request as unknown as Record<symbol, RouteContextLike | undefined>;
  if (contextKey === undefined || !(contextKey in request))
    contextKey = Object.getOwnPropertySymbols(request).find((s) => s.description === 'fastify.context');
  const context = contextKey === undefined ? undefined : r[contextKey];
  const func = context?.errorHandler?.func;
  return context?.onError === null && typeof func === 'function' && ours.has(func);
}
