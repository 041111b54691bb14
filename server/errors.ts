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

/**
 * Marks every domain error. Next's build may load this module several times (one copy
 * per bundle), so `instanceof` fails for an error thrown by a store another bundle
 * opened; Symbol.for is one registry per process, whichever copy asks.
 */
export const DOMAIN_ERROR_BRAND: unique symbol = Symbol.for('yunshan.domain-error');

/** What every domain error carries, whichever copy of its class made it. */
export interface DomainErrorFields {
  readonly [DOMAIN_ERROR_BRAND]: true;
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** Errors whose message is written for the API caller and may be shown as is. */
export abstract class DomainError extends Error implements DomainErrorFields {
  readonly [DOMAIN_ERROR_BRAND] = true as const;
  abstract readonly status: number;
  abstract readonly code: string;
}

/**
 * The base of a domain error class, its name, HTTP status and code written once:
 * `class NotFoundError extends domainError('NotFoundError', 404, NOT_FOUND_CODE) {}`.
 */
export function domainError<Status extends number, Code extends string>(errorName: string, status: Status, code: Code) {
  return class extends DomainError {
    readonly status = status;
    readonly code = code;
    override name = errorName;
  };
}

/** True for a domain error from any copy of its class: recognised by its brand, never by `instanceof`. */
export function isDomainError(error: unknown): error is DomainErrorFields {
  if (typeof error !== 'object' || error === null) return false;
  const fields = error as Partial<Record<PropertyKey, unknown>>;
  return (
    fields[DOMAIN_ERROR_BRAND] === true &&
    typeof fields.status === 'number' &&
    typeof fields.code === 'string' &&
    typeof fields.message === 'string'
  );
}

/** True for a domain error with this code, e.g. `hasDomainErrorCode(error, NOT_FOUND_CODE)`. */
export function hasDomainErrorCode<Code extends string>(error: unknown, code: Code): error is DomainErrorFields & { readonly code: Code } {
  return isDomainError(error) && error.code === code;
}

export const NOT_FOUND_CODE = 'not_found';
export const VALIDATION_ERROR_CODE = 'invalid_request';
export const CONFLICT_CODE = 'conflict';
export const METHOD_NOT_ALLOWED_CODE = 'method_not_allowed';
export const DATA_INTEGRITY_CODE = 'data_integrity';

export class NotFoundError extends domainError('NotFoundError', 404, NOT_FOUND_CODE) {}

export class ValidationError extends domainError('ValidationError', 400, VALIDATION_ERROR_CODE) {
  readonly issues: IssueBody[];

  constructor(message: string, issues: readonly z.core.$ZodIssue[]) {
    super(message);
    this.issues = issues.map(toIssueBody);
  }
}

/** Its code is widened so that a particular conflict may carry its own. */
export class ConflictError extends domainError<409, string>('ConflictError', 409, CONFLICT_CODE) {}

export class UnauthorizedError extends domainError('UnauthorizedError', 401, 'unauthorized') {}

export class ForbiddenError extends domainError('ForbiddenError', 403, 'forbidden') {}

export class MethodNotAllowedError extends domainError('MethodNotAllowedError', 405, METHOD_NOT_ALLOWED_CODE) {
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
  readonly code = DATA_INTEGRITY_CODE;
}

/** Deliberately no brand: it is not a domain error, so it maps to a 500. */
export function isDataIntegrityError(error: unknown): error is DataIntegrityError {
  return error instanceof Error && (error as Partial<DataIntegrityError>).code === DATA_INTEGRITY_CODE;
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
  if (!isDomainError(error)) {
    return { status: 500, body: INTERNAL_ERROR_BODY, headers };
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (hasDomainErrorCode(error, VALIDATION_ERROR_CODE)) body.error.issues = (error as Partial<ValidationError>).issues ?? [];
  if (hasDomainErrorCode(error, METHOD_NOT_ALLOWED_CODE))
    headers.Allow = ((error as Partial<MethodNotAllowedError>).allowedMethods ?? []).join(', ');
  return { status: error.status, body, headers };
}

/** True when the error is unexpected and worth a line in the server log. */
export function isUnexpectedError(error: unknown): boolean {
  return !isDomainError(error);
}

function toIssueBody(issue: z.core.$ZodIssue): IssueBody {
  return {
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    code: issue.code,
    message: issue.message,
  };
}
