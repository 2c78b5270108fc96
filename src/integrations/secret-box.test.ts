import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.ts';

const A = 'a'.repeat(32);
const B = 'b'.repeat(40);

describe('SecretBox', () => {
  it('opens what it sealed, and never shows the plain text in the sealed form', () => {
    const box = new SecretBox([A]);
    const sealed = box.seal('shpss_secret_value');
    expect(sealed).not.toContain('shpss_secret_value');
    expect(box.open(sealed)).toBe('shpss_secret_value');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });

  it('opens with the previous key after a rotation, and knows what needs sealing again', () => {
    const old = new SecretBox([A]).seal('whsec_1');
    const rotated = new SecretBox([B, A]);
    expect(rotated.open(old)).toBe('whsec_1');
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.isCurrent(rotated.seal('whsec_1'))).toBe(true);
    expect(() => new SecretBox([B]).open(old)).toThrow(/AFTERSALE_SECRET_KEY_PREVIOUS/);
  });

  it('refuses a tampered value', () => {
    const box = new SecretBox([A]);
    const parts = box.seal('secret').split(':');
    parts[4] = Buffer.from('other').toString('base64url');
    expect(() => box.open(parts.join(':'))).toThrow();
  });
});
