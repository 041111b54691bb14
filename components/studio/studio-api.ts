// The editor's calls to the studio routes API, with the answers typed: a stale save comes
// back as a conflict carrying the current revision, a refused publish with its issues.
import type { Route } from '@/scenes/routes/route-schema';
import type { RouteIssue } from '@/scenes/routes/route-issue';
import type { CloudReadiness } from '@/server/bake/cloud-readiness';
import type { RouteBakeProgress } from '@/server/render-api/render-api-contract';
import type { SaveResult, StudioRouteDetail, StudioRouteSummary } from '@/server/routes/studio-route-contracts';
import type { AuditEntry } from '@/server/audit/route-audit-log';
import type {
  ArchiveRouteBody,
  CreateRouteBody,
  DuplicateRouteBody,
  PublishRouteBody,
  RestoreRevisionBody,
  SaveRouteBody,
} from '@/server/routes/studio-route-requests';

export type StudioListEntry = StudioRouteSummary & { cloud: CloudReadiness };

export interface CurrentRevision {
  revision: number;
  route: Route;
  createdAt: string;
}

export type ApiFailure =
  | { kind: 'conflict'; message: string; current: CurrentRevision | null }
  | { kind: 'not-publishable'; message: string; issues: RouteIssue[] }
  | { kind: 'signed-out'; message: string }
  | { kind: 'error'; status: number; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

interface ErrorPayload {
  error?: { code?: string; message?: string; current?: CurrentRevision; issues?: RouteIssue[] };
}

const BASE = '/api/studio/routes';

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    return { ok: false, failure: { kind: 'error', status: 0, message: (error as Error).message } };
  }
  const payload = (await response.json().catch(() => ({}))) as T & ErrorPayload;
  if (response.ok) return { ok: true, value: payload };
  const message = payload.error?.message ?? response.statusText;
  if (response.status === 401) return { ok: false, failure: { kind: 'signed-out', message } };
  if (response.status === 409) return { ok: false, failure: { kind: 'conflict', message, current: payload.error?.current ?? null } };
  if (response.status === 422) return { ok: false, failure: { kind: 'not-publishable', message, issues: payload.error?.issues ?? [] } };
  return { ok: false, failure: { kind: 'error', status: response.status, message } };
}

export const studioApi = {
  list: () => call<{ routes: StudioListEntry[] }>('GET', ''),
  get: (id: string) => call<{ route: StudioRouteDetail }>('GET', `/${id}`),
  create: (body: CreateRouteBody) => call<{ route: StudioRouteDetail }>('POST', '', body),
  save: (id: string, body: SaveRouteBody) => call<SaveResult>('PUT', `/${id}`, body),
  publish: (id: string, body: PublishRouteBody) =>
    call<{ revision: number; publishedAt: string; warnings: RouteIssue[]; bakes: RouteBakeProgress }>('POST', `/${id}/publish`, body),
  restore: (id: string, body: RestoreRevisionBody) => call<SaveResult & { route: StudioRouteDetail }>('POST', `/${id}/restore`, body),
  duplicate: (id: string, body: DuplicateRouteBody) => call<{ route: StudioRouteDetail }>('POST', `/${id}/duplicate`, body),
  archive: (id: string, body: ArchiveRouteBody) => call<{ route: StudioRouteSummary }>('POST', `/${id}/archive`, body),
  bakes: (id: string) => call<{ bakes: RouteBakeProgress | null }>('GET', `/${id}/bakes`),
  audit: (id: string) => call<{ entries: AuditEntry[] }>('GET', `/${id}/audit`),
};
