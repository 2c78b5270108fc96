// The API tokens this process has recently seen, so a request does not look its token up every time.
// A token changed or removed anywhere (the revoke route, the CLI, another process or host) fires a
// trigger that NOTIFYs `aftersale_tokens`; every process then forgets everything it holds (revoking is
// rare). The process that revoked forgets at once, without waiting for the notification. Until the
// subscription stands, and after the listening connection was lost, nothing is cached. Entries also
// expire after a few minutes, so a missed notification could not keep a token alive for long.
import type { Database } from '../../db/connect.ts';
import type { Actor } from './actor.ts';

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

const caches = new Set<TokenCache>();

export class TokenCache {
  private entries = new Map<string, { actor: Actor; until: number }>();
  private listening = false;
  private unsubscribe: (() => Promise<void>) | undefined;

  async start(database: Database): Promise<void> {
    this.unsubscribe = await database.listen(
      'aftersale_tokens',
      () => this.clear(),
      () => this.clear(),
    );
    this.listening = true;
    caches.add(this);
  }

  get(tokenHash: string): Actor | undefined {
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (hit.until > Date.now()) return hit.actor;
    this.entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, actor: Actor): void {
    if (!this.listening) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { actor, until: Date.now() + TTL_MS });
  }

  clear(): void {
    this.entries.clear();
  }

  async stop(): Promise<void> {
    this.listening = false;
    caches.delete(this);
    this.clear();
    await this.unsubscribe?.();
  }
}

/** Called by whoever revoked a token in this process, once it committed. */
export function forgetTokens(): void {
  for (const c of caches) c.clear();
}
