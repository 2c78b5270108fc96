// Vitest global setup: the browser test serves web/dist, so make sure it is there and current.
// Costs a few milliseconds when nothing changed; a real build only after the web sources did.
import { ensureWebBuild } from '../../scripts/ensure-web-build.mjs';

export default async function setup() {
  await ensureWebBuild();
}
