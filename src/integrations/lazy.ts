// Heavy client libraries (Stripe, EasyPost, WooCommerce, nodemailer, smtp-server, bwip-js, tinyld)
// are loaded the first time they are used, not when the server starts: most stores use one provider
// or none, and each would otherwise cost tens of megabytes and a few hundred milliseconds at every
// start. `lazy(load)` runs `load` once, on first call; `requireModule` is a CommonJS require (each of
// these packages ships a CommonJS build), so the first use stays synchronous.
import { createRequire } from 'node:module';

export const requireModule = createRequire(import.meta.url);

export function lazy<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: load() };
    return value.v;
  };
}
