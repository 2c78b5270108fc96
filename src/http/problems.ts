// The one table from error codes to HTTP statuses, and the RFC 9457 problem+json writer.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../domain/errors.ts';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_request: 400,
  idempotency_key_required: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  illegal_transition: 409,
  idempotency_conflict: 409,
  refund_exceeds_paid: 409,
  order_conflict: 409,
  conflict: 409,
  not_eligible: 422,
  rate_limited: 429,
  unsupported_media: 415,
  payload_too_large: 413,
  internal: 500,
};

const TITLES: Record<ErrorCode, string> = {
  invalid_request: 'The request is not valid',
  idempotency_key_required: 'An Idempotency-Key header is required',
  unauthorized: 'Authentication is required',
  forbidden: 'Your role does not allow this action',
  not_found: 'Not found',
  illegal_transition: 'This step is not allowed in the current status',
  idempotency_conflict: 'The Idempotency-Key was used with a different request',
  refund_exceeds_paid: 'The refund would exceed what was paid',
  order_conflict: 'The order conflicts with after-sales work already done',
  conflict: 'The change collided with another one',
  not_eligible: 'Not eligible for return',
  rate_limited: 'Too many requests',
  unsupported_media: 'This kind of file is not accepted',
  payload_too_large: 'The file is too large',
  internal: 'Internal error',
};

export function problemBody(code: ErrorCode, detail: string, extra: Record<string, unknown> = {}) {
  const status = STATUS_BY_CODE[code];
  return { type: `/docs/problems#${code}`, title: TITLES[code], status, code, detail, ...extra };
}

/** One entry per offending field, as a dotted path ("lines.1.quantity"; "query.limit" outside the body). */
function zodErrors(err: FastifyError): FieldError[] {
  const validation = (err.validation ?? []) as {
    instancePath?: string;
    keyword?: string;
    message?: string;
    params?: { keys?: string[] };
  }[];
  const context = err.validationContext ?? 'body';
  const prefix = context === 'body' ? [] : [context];
  return validation.flatMap((v) => {
    const at = [...prefix, ...(v.instancePath ?? '').split('/').filter(Boolean)];
    const keys = v.keyword === 'unrecognized_keys' ? (v.params?.keys ?? []) : [];
    if (keys.length)
      return keys.map((k) => ({ path: [...at, k].join('.'), message: `unknown field "${k}"` }));
    return [{ path: at.join('.') || context, message: v.message ?? 'invalid' }];
  });
}

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
) {
  return reply
    .status(STATUS_BY_CODE[code])
    .type('application/problem+json')
    .send(problemBody(code, detail, extra));
}

export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.code === 'internal') request.log.error({ err }, 'internal error');
    return sendProblem(reply, err.code, err.message, err.extra);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return sendProblem(reply, 'invalid_request', 'The request does not match the schema', {
      errors: zodErrors(err),
    });
  }
  if (err.statusCode === 429) {
    // The seconds to wait as a number, so a client can say it in its customer's language.
    const after = Number(reply.getHeader('retry-after'));
    return sendProblem(reply, 'rate_limited', err.message, {
      retry_after_seconds: Number.isFinite(after) && after > 0 ? Math.ceil(after) : 60,
    });
  }
  if (err.statusCode === 413) return sendProblem(reply, 'payload_too_large', err.message);
  if (err.statusCode === 415) return sendProblem(reply, 'unsupported_media', err.message);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    // Fastify's own refusals: malformed JSON, unsupported media type, body too large ...
    return sendProblem(reply, 'invalid_request', err.message, {
      errors: [{ path: 'body', message: err.message }],
    });
  }
  // The database refused something the schemas let through: name it instead of a bare 500.
  const sqlState = (err as { code?: unknown }).code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) {
    if (sqlState === '23505' || sqlState === '23503' || sqlState === '40001' || sqlState === '40P01')
      return sendProblem(reply, 'conflict', 'The change collided with another one; retry it');
    if (sqlState.startsWith('22'))
      return sendProblem(
        reply,
        'invalid_request',
        'A value is out of range or not allowed (for example a NUL character)',
      );
  }
  request.log.error({ err }, 'unhandled error');
  return sendProblem(reply, 'internal', 'Something went wrong on our side; the change was not applied');
}
