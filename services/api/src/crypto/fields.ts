// Field-level protection for the most sensitive values (ID numbers): AES-256-GCM ciphertext in one column and a
// keyed hash (HMAC-SHA256) in another, so equality matching works without the plain value in the database.
// Both keys are derived from config.fieldSecret with HKDF under distinct labels.
import crypto from 'node:crypto';

export interface FieldKeys { enc: Buffer; mac: Buffer }

const cache = new Map<string, FieldKeys>();

export function fieldKeys(secret: string): FieldKeys {
  let k = cache.get(secret);
  if (!k) {
    const derive = (label: string) => Buffer.from(crypto.hkdfSync('sha256', secret, 'lianzheng-fields', label, 32));
    k = { enc: derive('enc-v1'), mac: derive('mac-v1') };
    cache.set(secret, k);
  }
  return k;
}

/** "v1." + base64url(iv | tag | ciphertext). */
export function encryptField(keys: FieldKeys, plain: string): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', keys.enc, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1.${Buffer.concat([iv, c.getAuthTag(), ct]).toString('base64url')}`;
}

/** The plain value, or null when the ciphertext is not ours (wrong key, tampered, malformed). */
export function decryptField(keys: FieldKeys, stored: string): string | null {
  if (!stored.startsWith('v1.')) return null;
  const raw = Buffer.from(stored.slice(3), 'base64url');
  if (raw.length < 29) return null;
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', keys.enc, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Hex HMAC of a normalised value, for equality lookups. */
export const keyedHash = (keys: FieldKeys, value: string) => crypto.createHmac('sha256', keys.mac).update(value).digest('hex');
