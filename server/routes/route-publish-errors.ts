// Publishing refused because the route breaks a rule: 422 with every issue, each saying
// in both languages which keyframe or segment is wrong and why.
import type { RouteIssue } from '../../scenes/routes/route-issue';
import { DomainError } from '../errors';

export class RouteNotPublishableError extends DomainError {
  readonly status = 422;
  readonly code = 'route_not_publishable';
  override name = 'RouteNotPublishableError';
  readonly issues: RouteIssue[];

  constructor(revision: number, issues: readonly RouteIssue[]) {
    const errors = issues.filter((issue) => issue.severity === 'error').length;
    super(`Revision ${revision} cannot be published: ${errors} ${errors === 1 ? 'problem needs' : 'problems need'} fixing first.`);
    this.issues = [...issues];
  }
}
