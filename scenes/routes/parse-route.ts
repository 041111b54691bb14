// Parses untrusted route input (an API body, an editor draft, a file) into a Route,
// or into route issues that name each bad field in words.
import { RouteSchema, type Route } from './route-schema';
import type { RouteIssue } from './route-issue';
import { schemaIssuesToRouteIssues } from './schema-issues';

export type ParseRouteResult = { ok: true; route: Route } | { ok: false; issues: RouteIssue[] };

export function parseRoute(input: unknown): ParseRouteResult {
  const result = RouteSchema.safeParse(input);
  if (result.success) return { ok: true, route: result.data };
  return { ok: false, issues: schemaIssuesToRouteIssues(result.error, input) };
}
