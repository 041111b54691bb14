// Domain errors that carry their own meaning, and the one place that turns any
// thrown value into an HTTP status and a JSON body safe to show the public.
import type { z } from 'zod';

/** One problem with a request, as the API reports it. */
export interface IssueBody {
  path: (string | number)[];
  code: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: IssueBody[] };
}

export interface HttpErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

/** Errors whose message is written for the API caller and may be shown as is. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  override name = 'NotFoundError';
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly code = 'invalid_request';
  override name = 'ValidationError';
  readonly issues: IssueBody[];

  constructor(message: string, issues: readonly z.core.$ZodIssue[]) {
    super(message);
    this.issues = issues.map(toIssueBody);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly code = 'conflict';
  override name = 'ConflictError';
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';
  override name = 'UnauthorizedError';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
  override name = 'ForbiddenError';
}

export class MethodNotAllowedError extends DomainError {
  readonly status = 405;
  readonly code = 'method_not_allowed';
  override name = 'MethodNotAllowedError';
  readonly allowedMethods: readonly string[];

  constructor(method: string, allowedMethods: readonly string[]) {
    super(`Method ${method} is not allowed here; use ${allowedMethods.join(', ')}.`);
    this.allowedMethods = allowedMethods;
  }
}

/**
 * Stored data that no longer parses. Its message names the record for the
 * server log; the public only ever sees a generic 500.
 */
export class DataIntegrityError extends Error {
  override name = 'DataIntegrityError';
}

const INTERNAL_ERROR_BODY: ErrorBody = {
  error: { code: 'internal', message: 'Something went wrong on our side. Please try again later.' },
};

/**
 * Maps any thrown value to a response. Only DomainError messages reach the
 * caller; everything else (SQL errors, corrupt rows, bugs) becomes a bare 500
 * so no stack trace, query or file path leaks.
 */
export function toHttpError(error: unknown): HttpErrorResponse {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (!(error instanceof DomainError)) {
    return { status: 500, body: INTERNAL_ERROR_BODY, headers };
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error instanceof ValidationError) body.error.issues = error.issues;
  if (error instanceof MethodNotAllowedError) headers.Allow = error.allowedMethods.join(', ');
  return { status: error.status, body, headers };
}

/** True when the error is unexpected and worth a line in the server log. */
export function isUnexpectedError(error: unknown): boolean {
  return !(error instanceof DomainError);
}

function toIssueBody(issue: z.core.$ZodIssue): IssueBody {
  return {
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    code: issue.code,
    message: issue.message,
  };
}
