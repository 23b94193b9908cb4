/** A tiny path router: `{param}` segments, literal segments win over parameters. */
import type { Handler, SimRequest, SimResponse } from './http/types.js';

export interface Route {
  method: string;
  pattern: string;
  operationId: string;
  /** Writes get idempotence, async (202) handling and an async-action record. */
  write: boolean;
  handle: Handler;
}

export function route(
  method: string,
  pattern: string,
  operationId: string,
  handle: Handler,
  write = method !== 'GET',
): Route {
  return { method, pattern, operationId, write, handle };
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'methodNotAllowed' }
  | { kind: 'notFound' };

interface Compiled {
  route: Route;
  segments: string[];
  literals: number;
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: Route[]) {
    this.compiled = routes
      .map((r) => {
        const segments = r.pattern.split('/').filter(Boolean);
        return { route: r, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean).map(safeDecode);
    let pathMatched = false;
    for (const c of this.compiled) {
      const params = matchSegments(c.segments, parts);
      if (!params) continue;
      if (c.route.method !== method) {
        pathMatched = true;
        continue;
      }
      return { kind: 'found', route: c.route, params };
    }
    return pathMatched ? { kind: 'methodNotAllowed' } : { kind: 'notFound' };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const part = parts[i]!;
    if (p.startsWith('{')) params[p.slice(1, -1)] = part;
    else if (p.toLowerCase() !== part.toLowerCase()) return null;
  }
  return params;
}

export type { SimRequest, SimResponse };
