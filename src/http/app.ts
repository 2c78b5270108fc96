// The HTTP shell: plugins, auth, the error table, OpenAPI at /docs, and each feature's routes.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet from 'helmet';
import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from '../domain/evidence-limits.ts';
import { analyticsRoutes } from '../features/analytics/analytics.routes.ts';
import { securityEventRoutes } from '../features/auth/security-events.routes.ts';
import { sessionRoutes } from '../features/auth/session.routes.ts';
import { tokenRoutes } from '../features/auth/tokens.routes.ts';
import { userRoutes } from '../features/auth/users.routes.ts';
import { caseWorkRoutes } from '../features/cases/case-work.routes.ts';
import { caseRoutes } from '../features/cases/cases.routes.ts';
import { replacementRoutes } from '../features/cases/replacements.routes.ts';
import { catalogRoutes } from '../features/catalog/catalog.routes.ts';
import { dispositionRoutes } from '../features/disposition/disposition.routes.ts';
import type { Classifier } from '../features/inbox/inbound-email.ts';
import { inboxRoutes } from '../features/inbox/inbox.routes.ts';
import { classifyMessage } from '../features/inbox/intent/classify.ts';
import { integrationRoutes } from '../features/integrations/integrations.routes.ts';
import { storeCarrier } from '../features/integrations/store-providers.ts';
import { webhookEndpointRoutes } from '../features/integrations/webhook-endpoints.routes.ts';
import { webhookIntakeRoutes } from '../features/integrations/webhook-intake.routes.ts';
import { notificationRoutes } from '../features/notifications/notifications.routes.ts';
import { orderRoutes } from '../features/orders/orders.routes.ts';
import { policyRoutes } from '../features/policy/policy.routes.ts';
import { portalRoutes } from '../features/portal/portal.routes.ts';
import { portalLinkRoutes } from '../features/portal/portal-links.routes.ts';
import { rateRoutes } from '../features/rates/rates.routes.ts';
import { refundRoutes } from '../features/refunds/refunds.routes.ts';
import { returnRoutes } from '../features/returns/returns.routes.ts';
import { returnBulkRoutes } from '../features/returns/returns-bulk.routes.ts';
import { reviewRoutes } from '../features/reviews/reviews.routes.ts';
import { storeCreditRoutes } from '../features/store-credit/store-credit.routes.ts';
import { brandingRoutes } from '../features/stores/branding.routes.ts';
import { storeRoutes } from '../features/stores/stores.routes.ts';
import { supplierClaimRoutes } from '../features/suppliers/supplier-claims.routes.ts';
import { supplierRoutes } from '../features/suppliers/suppliers.routes.ts';
import { surveyRoutes } from '../features/surveys/surveys.routes.ts';
import { trackingRoutes } from '../features/tracking/tracking.routes.ts';
import type { Carrier } from '../integrations/carriers/carrier.ts';
import { SecretBox } from '../integrations/secret-box.ts';
import { diskFileStore, type FileStore } from '../integrations/storage/file-store.ts';
import { registerAuth } from './auth.ts';
import { registerJsonDepthLimit } from './json-depth.ts';
import { registerMetrics } from './metrics.ts';
import { clientErrorHandler, errorHandler, frameworkErrorHandler, sendProblem } from './problems.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { registerWeb, WEB_DIST_DIR } from './web.ts';

export interface AppDeps {
  database: Database;
  /** where the analytics routes read (AFTERSALE_ANALYTICS_DATABASE_URL, a replica); default: `database` */
  analyticsDatabase?: Database;
  publicUrl: string;
  logLevel?: string;
  carrier?: Carrier;
  /** Fastify's trustProxy: who may set X-Forwarded-For (see AFTERSALE_TRUST_PROXY) */
  trustProxy?: boolean | string[];
  /** AFTERSALE_METRICS_TOKEN: /metrics is served only with it */
  metricsToken?: string | undefined;
  /** where evidence files go (main: the data folder's files/); tools that never upload may leave it out */
  files?: FileStore;
  evidenceLimits?: EvidenceLimits;
  /** AFTERSALE_SECRET_KEY (then the previous one): seals the integrations' secrets */
  secretKeys?: readonly string[];
  /** language and intent of inbound messages (the shipped offline model unless a test gives one) */
  classify?: Classifier;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logLevel && deps.logLevel !== 'silent' ? { level: deps.logLevel } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.trustProxy ?? false,
    // Refusals raised before a route runs answer problem JSON like every other.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  registerJsonDepthLimit(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 'not_found', `No route ${request.method} ${request.url}`),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aftersale API',
        version: '1',
        description:
          'Returns and after-sales for cross-border stores. Money is integer minor units beside a currency; errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // Security headers everywhere. The web app loads only its own scripts; Mantine injects <style>
  // tags and photos and labels show as blob: or data: URLs, so styles and images allow those.
  // Upgrading requests to HTTPS and HSTS only where the public address is HTTPS: sent over plain
  // HTTP (a LAN address), they made the browser fetch the console's scripts over HTTPS and fail.
  const https = deps.publicUrl.startsWith('https:');
  const securityHeaders = helmet({
    hsts: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // the store's logo and its catalogue's product pictures live on its own CDN
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // helmet's middleware built once (the Fastify plugin built it again for every request)
  app.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err) => done(err instanceof Error ? err : undefined)),
  );
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(cookie);
  // Off by default; routes that face the public (sign-in, the portal's order lookup) opt in. Counted
  // in the database, so every process behind it shares each limit.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(deps.database.db) });
  const evidence = {
    files: deps.files ?? diskFileStore(join(tmpdir(), 'aftersale-files')),
    limits: deps.evidenceLimits ?? DEFAULT_EVIDENCE_LIMITS,
  };
  // Uploads stream to the file store; these ceilings only stop a request the quotas would anyway.
  await app.register(multipart, {
    limits: {
      fileSize: Math.max(evidence.limits.photoBytes, evidence.limits.videoBytes) + 1,
      files: evidence.limits.filesPerRequest,
      fields: 10,
    },
  });
  await registerAuth(app, deps.database);
  registerMetrics(app, deps.metricsToken);

  app.get('/health', { schema: { hide: true } }, async () => {
    await sql`SELECT 1 FROM schema_migrations LIMIT 1`.execute(deps.database.db);
    return { status: 'ok' };
  });

  const secretBox = new SecretBox(deps.secretKeys ?? []);
  // reads only: its writes (none) would be lost on a replica; auth and tokens stay on the main one
  // reports read with plans made for their own period (no prepared statements), on the replica if any
  const reportsFrom = deps.analyticsDatabase ?? deps.database;
  const analytics: Database = { ...reportsFrom, db: reportsFrom.unpreparedDb };
  await app.register(orderRoutes(deps.database));
  await app.register(
    returnRoutes({
      database: deps.database,
      portalUrl: deps.publicUrl,
      carrier: deps.carrier,
      carrierFor: storeCarrier(secretBox),
    }),
  );
  await app.register(caseWorkRoutes(deps.database, evidence.files, secretBox));
  await app.register(replacementRoutes(deps.database));
  await app.register(storeCreditRoutes(deps.database));
  await app.register(integrationRoutes(deps.database, secretBox));
  await app.register(webhookEndpointRoutes(deps.database, secretBox));
  await app.register(webhookIntakeRoutes(deps.database, secretBox));
  await app.register(policyRoutes(deps.database));
  await app.register(rateRoutes(deps.database));
  await app.register(dispositionRoutes(deps.database));
  await app.register(
    returnBulkRoutes({
      database: deps.database,
      portalUrl: deps.publicUrl,
      carrier: deps.carrier,
      carrierFor: storeCarrier(secretBox),
    }),
  );
  await app.register(refundRoutes(deps.database));
  await app.register(tokenRoutes(deps.database));
  await app.register(userRoutes(deps.database));
  await app.register(storeRoutes(deps.database));
  await app.register(securityEventRoutes(deps.database));
  await app.register(sessionRoutes(deps.database, { secureCookies: deps.publicUrl.startsWith('https:') }));
  await app.register(catalogRoutes(deps.database));
  await app.register(supplierRoutes(deps.database, analytics));
  await app.register(supplierClaimRoutes(deps.database, evidence.files));
  await app.register(caseRoutes(deps.database, evidence));
  await app.register(notificationRoutes(deps.database));
  await app.register(trackingRoutes(deps.database));
  await app.register(surveyRoutes(deps.database, analytics));
  await app.register(reviewRoutes(deps.database));
  await app.register(inboxRoutes(deps.database, { ...evidence, classify: deps.classify ?? classifyMessage }));
  await app.register(analyticsRoutes(analytics));
  await app.register(portalRoutes(deps.database, deps.publicUrl, evidence));
  await app.register(portalLinkRoutes(deps.database));
  await app.register(brandingRoutes(deps.database));
  await registerWeb(app, { distDir: WEB_DIST_DIR });
  return app;
}
