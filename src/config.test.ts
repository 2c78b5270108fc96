import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('takes the defaults from an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      demo: true,
      metricsToken: undefined,
      publicUrl: 'http://127.0.0.1:3000',
      trustProxy: false,
      workers: undefined,
      shipmentScanMinutes: 15,
      preparedStatements: true,
    });
  });

  it('reads whether PostgreSQL statements are prepared', () => {
    expect(loadConfig({ AFTERSALE_PREPARED_STATEMENTS: 'false' }).preparedStatements).toBe(false);
    expect(() => loadConfig({ AFTERSALE_PREPARED_STATEMENTS: 'maybe' })).toThrow(
      /AFTERSALE_PREPARED_STATEMENTS/,
    );
  });

  it('reads how often parcels are scanned, 0 turning the scan off', () => {
    expect(loadConfig({ AFTERSALE_SHIPMENT_SCAN_MINUTES: '60' }).shipmentScanMinutes).toBe(60);
    expect(loadConfig({ AFTERSALE_SHIPMENT_SCAN_MINUTES: '0' }).shipmentScanMinutes).toBe(0);
    expect(() => loadConfig({ AFTERSALE_SHIPMENT_SCAN_MINUTES: '-1' })).toThrow(
      /AFTERSALE_SHIPMENT_SCAN_MINUTES/,
    );
  });

  it('reads how many HTTP processes to start, refusing nonsense', () => {
    expect(loadConfig({ AFTERSALE_WORKERS: '4' }).workers).toBe(4);
    expect(() => loadConfig({ AFTERSALE_WORKERS: '0' })).toThrow(/AFTERSALE_WORKERS/);
    expect(() => loadConfig({ AFTERSALE_WORKERS: 'two' })).toThrow(/AFTERSALE_WORKERS/);
  });

  it('reads the analytics replica, only beside a PostgreSQL primary', () => {
    expect(loadConfig({}).analyticsDatabaseUrl).toBeUndefined();
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://app@primary/aftersale',
        AFTERSALE_ANALYTICS_DATABASE_URL: 'postgres://app@replica/aftersale',
      }).analyticsDatabaseUrl,
    ).toBe('postgres://app@replica/aftersale');
    expect(() =>
      loadConfig({ AFTERSALE_ANALYTICS_DATABASE_URL: 'postgres://app@replica/aftersale' }),
    ).toThrow(/AFTERSALE_ANALYTICS_DATABASE_URL.*DATABASE_URL/);
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://app@primary/a', AFTERSALE_ANALYTICS_DATABASE_URL: 'replica' }),
    ).toThrow(/AFTERSALE_ANALYTICS_DATABASE_URL/);
  });

  it('reads who may set X-Forwarded-For: everyone, or a list of proxies', () => {
    expect(loadConfig({ AFTERSALE_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ AFTERSALE_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
  });

  it('refuses a value it cannot read, naming the variable', () => {
    expect(() => loadConfig({ AFTERSALE_TRUST_PROXY: 'proxy.example' })).toThrow(/AFTERSALE_TRUST_PROXY/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
