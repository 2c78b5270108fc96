// The one table from error codes to HTTP statuses, and the RFC 9457 problem+json writer.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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
  uri_too_long: 414,
  headers_too_large: 431,
  request_timeout: 408,
  internal: 500,
  already_shipped: 409,
  insufficient_credit: 409,
  credit_expired: 409,
  credit_void: 409,
  unreadable_message: 400,
  no_matching_order: 422,
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
  uri_too_long: 'A part of the address is too long',
  headers_too_large: 'The address or the headers are too large',
  request_timeout: 'The request took too long to arrive',
  internal: 'Internal error',
  already_shipped: 'It has already shipped',
  insufficient_credit: 'The credit code does not hold enough',
  credit_expired: 'The credit code has expired',
  credit_void: 'The credit code was voided',
  unreadable_message: 'The message cannot be read',
  no_matching_order: 'No order matches this message',
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
    if (typeof err.extra.retry_after === 'number') reply.header('retry-after', String(err.extra.retry_after));
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

/**
 * Fastify's `frameworkErrors`: refusals raised while routing, before any hook or handler runs (a
 * path that is not valid percent-encoding, a path parameter over the router's 100 characters).
 */
export function frameworkErrorHandler(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(reply, 'uri_too_long', 'A part of the path is longer than 100 characters', {
      errors: [{ path: 'url', message: 'at most 100 characters between slashes' }],
    });
  if (err.statusCode && err.statusCode < 500)
    return sendProblem(reply, 'invalid_request', err.message, {
      errors: [{ path: 'url', message: err.message }],
    });
  return sendProblem(reply, 'internal', 'Something went wrong on our side; the change was not applied');
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses never becomes a request, so the
 * answer is written on the socket by hand (a URL or headers over 16 KB, bytes after the declared
 * Content-Length, a request that never finished arriving).
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, detail]: [ErrorCode, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? ['headers_too_large', 'The address and headers may take at most 16 KB']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['request_timeout', 'The request did not arrive in time']
        : [
            'invalid_request',
            'The request is not valid HTTP (for example more bytes than its Content-Length)',
          ];
  const body = JSON.stringify(problemBody(code, detail));
  const status = STATUS_BY_CODE[code];
  if (!socket.writable) return socket.destroy();
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
