/** True when web/dist is missing or older than the web sources, the domain or the lockfile. */
export function webBuildIsStale(): boolean;
/** Builds web/dist when stale; resolves to whether it built. */
export function ensureWebBuild(): Promise<boolean>;
