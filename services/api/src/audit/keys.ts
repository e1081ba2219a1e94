// The keys that make the access log evidence against the database owner, none of them stored in the database:
// the chain key (HMAC-SM3 of every link) and the SM2 key pair that signs chain heads (sm-crypto-v2: node's own SM2
// signatures are not GM/T 0003 conformant).
import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/** Order of the SM2 curve: a private key d must satisfy 1 <= d <= n - 2. */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

export function isSm2PrivateKey(hex: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return false;
  const d = BigInt(`0x${hex}`);
  return d >= 1n && d <= SM2_N - 2n;
}

export const isSm2PublicKey = (hex: string) => /^04[0-9a-f]{128}$/i.test(hex) && sm2.verifyPublicKey(hex.toLowerCase());

/** A private key derived from a secret (demo mode: the data directory's random secret). */
export function sm2KeyFromSecret(secret: string): string {
  for (let i = 0; ; i++) {
    const hex = Buffer.from(crypto.hkdfSync('sha256', secret, 'lianzheng', `audit-signing-${i}`, 32)).toString('hex');
    if (isSm2PrivateKey(hex)) return hex;
  }
}

export const sm2PublicKey = (privateKeyHex: string): string => sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase());

/** A fingerprint of the chain key (HMAC-SM3 of a fixed text): names the key in anchors without revealing it. */
export const chainKeyId = (key: string): string =>
  crypto.createHmac('sm3', key).update('lianzheng audit chain key id').digest('hex').slice(0, 16);

/** The keys as the API, the start-up seal and the verifier use them. */
export interface AuditKeys {
  /** HMAC-SM3 key of every link after the seal. */
  chainKey: string;
  /** SM2 private key (hex) that signs heads; absent for a verifier that holds only the public key. */
  signingKey?: string;
  /** SM2 public key (hex, 04…) trusted when verifying signatures. */
  publicKey: string;
  /** Directory outside the database where every signed head is also appended. */
  anchorDir: string;
}

export interface AuditKeyConfig {
  auditChainKey: string;
  auditSigningKey?: string;
  auditPublicKey: string;
  auditAnchorDir: string;
}

export const auditKeys = (c: AuditKeyConfig): AuditKeys => ({
  chainKey: c.auditChainKey, signingKey: c.auditSigningKey, publicKey: c.auditPublicKey, anchorDir: c.auditAnchorDir,
});
