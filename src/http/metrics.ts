// Prometheus metrics at /metrics: process defaults plus request counts and latencies by route.
// Off unless AFTERSALE_METRICS_TOKEN is set (routes, timings and process details are not for the
// public), and then answered only to `Authorization: Bearer <token>`, as Prometheus can send.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problems.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export function registerMetrics(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  const expected = digest(`Bearer ${token}`);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!timingSafeEqual(digest(request.headers.authorization ?? ''), expected))
      return sendProblem(reply, 'unauthorized', 'Send the metrics token as "Authorization: Bearer <token>"');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
