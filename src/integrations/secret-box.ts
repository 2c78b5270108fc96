// Secrets at rest: AES-256-GCM with a key derived (HKDF-SHA256) from AFTERSALE_SECRET_KEY. A sealed
// value names the key it was sealed with by a short fingerprint, so a rotated key still opens what
// the previous one sealed until everything is sealed again.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

const INFO = 'aftersale integration secrets v1';

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'aftersale', INFO, 32));
}

function fingerprint(secret: string): string {
  return createHash('sha256').update(`${INFO}|${secret}`).digest('base64url').slice(0, 8);
}

export class SecretBox {
  constructor(private readonly keys: readonly string[]) {}

  get canSeal(): boolean {
    return this.keys.length > 0;
  }

  seal(plain: string): string {
    const secret = this.keys[0];
    if (!secret) throw new Error('no AFTERSALE_SECRET_KEY');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      fingerprint(secret),
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join(':');
  }

  open(sealed: string): string {
    const [version, fp, iv, tag, data] = sealed.split(':');
    if (version !== 'v1' || !fp || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
    const secret = this.keys.find((k) => fingerprint(k) === fp);
    if (!secret)
      throw new Error('sealed with a key this server does not have (set AFTERSALE_SECRET_KEY_PREVIOUS)');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** sealed with the current key already */
  isCurrent(sealed: string): boolean {
    const secret = this.keys[0];
    return secret !== undefined && sealed.split(':')[1] === fingerprint(secret);
  }
}
