// `make audit-keygen`: a fresh SM2 key pair for signing the access log's chain heads (AUDIT_SIGNING_KEY), and a random
// chain key (AUDIT_CHAIN_KEY). Prints them as environment lines; give the public key to whoever verifies from outside.
import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { isSm2PrivateKey } from './keys.js';

let pair = sm2.generateKeyPairHex();
while (!isSm2PrivateKey(pair.privateKey)) pair = sm2.generateKeyPairHex();
console.log(`AUDIT_CHAIN_KEY=${crypto.randomBytes(36).toString('base64url')}`);
console.log(`AUDIT_SIGNING_KEY=${pair.privateKey}`);
console.log(`# 公钥（交给系统外的核验方，或设为 AUDIT_SIGNING_PUBLIC_KEY）：`);
console.log(`# AUDIT_SIGNING_PUBLIC_KEY=${pair.publicKey}`);
