// Expected refusals are values with a stable code; src/http/problems.ts maps each code to a status.

export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'illegal_transition',
  'not_eligible',
  'idempotency_conflict',
  'idempotency_key_required',
  'refund_exceeds_paid',
  'order_conflict',
  'conflict',
  'rate_limited',
  'unsupported_media',
  'payload_too_large',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'internal',
  'already_shipped',
  'insufficient_credit',
  'credit_expired',
  'credit_void',
  'unreadable_message',
  'no_matching_order',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { errors?: FieldError[]; explanations?: unknown[]; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
