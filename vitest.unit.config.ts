// Pure tests only (domain and i18n, no database, no global setup):
// `npx vitest run --config vitest.unit.config.ts`.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['src/domain/**/*.test.ts', 'src/i18n/**/*.test.ts'] } });
