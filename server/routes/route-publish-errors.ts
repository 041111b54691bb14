// Publishing refused because the route breaks a rule: 422 with every issue, each saying
// in both languages which keyframe or segment is wrong and why.
import { countErrors, type RouteIssue } from '@/scenes/routes/route-issue';
import { DomainError, hasDomainErrorCode } from '../errors';

export const ROUTE_NOT_PUBLISHABLE_CODE = 'route_not_publishable';

export class RouteNotPublishableError extends DomainError {
  readonly status = 422;
  readonly code = ROUTE_NOT_PUBLISHABLE_CODE;
  override name = 'RouteNotPublishableError';
  readonly issues: RouteIssue[];

  constructor(revision: number, issues: readonly RouteIssue[]) {
    const errors = countErrors(issues);
    super(`Revision ${revision} cannot be published: ${errors} ${errors === 1 ? 'problem needs' : 'problems need'} fixing first.`);
    this.issues = [...issues];
  }
}

/** By code, not `instanceof`: the error may come from another bundle's copy of this module. */
export function isRouteNotPublishableError(error: unknown): error is RouteNotPublishableError {
  return hasDomainErrorCode(error, ROUTE_NOT_PUBLISHABLE_CODE) && Array.isArray((error as Partial<RouteNotPublishableError>).issues);
}
