// Ends every `npm test` run with a pointer to the browser journeys, which it does not run.
import type { Reporter } from 'vitest/reporters';

export default class BrowserHintReporter implements Reporter {
  onTestRunEnd() {
    console.log(
      '\nBrowser journeys (Chromium) are not part of `npm test`: run `npm run test:browser`' +
        ' (needs /usr/bin/chromium: `apt-get install -y chromium`).',
    );
  }
}
