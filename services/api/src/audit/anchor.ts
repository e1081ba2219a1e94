// Signed chain heads: an SM2 signature over (kind, seq, hash, time, chain-key fingerprint) of the chain head, kept in
// audit_anchor and appended to a file outside the database (<AUDIT_ANCHOR_DIR>/anchors-YYYY-MM.jsonl, which backups
// and outside parties copy). The verifier checks every signature and that the recomputed chain passes through each
// anchored (seq, hash): a chain rewritten after an anchor no longer meets it, even by someone holding the chain key.
//
// The API signs the head every AUDIT_ANCHOR_MINUTES when it has moved, on demand (anchorAuditChain), and at shutdown.
// The owner signs one "seal" at the switch to the keyed chain (sealLegacyChain, run at start-up after migrating).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { sm2 } from 'sm-crypto-v2';
import type { DB } from '../db/types.js';
import type { Tx } from '../db/scope.js';
import { sealUnchained, type OwnerQuery } from './chain.js';
import { chainKeyId, type AuditKeys } from './keys.js';

export interface Anchor {
  /** The chain's random identity (audit_chain_head.chain_id): files may hold anchors of other databases. */
  chainId: string;
  kind: 'seal' | 'head';
  seq: number;
  hash: string;
  /** ISO time of signing (millisecond precision). */
  at: string;
  /** Fingerprint of the chain key the chain was written with (keys.ts: chainKeyId). */
  keyId: string;
  /** Seal only: the tombstones existing at the switch, "<count>:<sha256 of comma-joined seqs>". */
  tombstones: string | null;
  publicKey: string;
  /** SM2 signature (r‖s, hex) over anchorPayload, with SM3 and the default user id (GM/T 0009). */
  signature: string;
}

/** The signed text: every field but the signature, one per line, under a version tag. */
export const anchorPayload = (a: Omit<Anchor, 'signature' | 'publicKey'>): string =>
  ['lianzheng-audit-anchor/1', a.chainId, a.kind, String(a.seq), a.hash, a.at, a.keyId, a.tombstones ?? ''].join('\n');

export function signAnchor(keys: AuditKeys, a: Pick<Anchor, 'chainId' | 'kind' | 'seq' | 'hash' | 'tombstones'> & { at?: Date }): Anchor {
  if (!keys.signingKey) throw new Error('no audit signing key (AUDIT_SIGNING_KEY)');
  const fields = { chainId: a.chainId.toLowerCase(), kind: a.kind, seq: a.seq, hash: a.hash, at: (a.at ?? new Date()).toISOString(), keyId: chainKeyId(keys.chainKey), tombstones: a.tombstones };
  const signature = sm2.doSignature(anchorPayload(fields), keys.signingKey, { hash: true, der: false, publicKey: keys.publicKey });
  return { ...fields, publicKey: keys.publicKey, signature };
}

/** True when the anchor was signed by the holder of `publicKey`'s private key and not altered since. */
export function anchorSignatureValid(a: Anchor, publicKey: string): boolean {
  try {
    return /^[0-9a-f]{128}$/.test(a.signature) && sm2.doVerifySignature(anchorPayload(a), a.signature, publicKey, { hash: true, der: false });
  } catch {
    return false;
  }
}

/** The set of tombstones at the switch, as the seal signs it. */
export const tombstoneDigest = (seqs: number[]): string =>
  `${seqs.length}:${crypto.createHash('sha256').update(seqs.join(',')).digest('hex')}`;

interface AnchorRow {
  chain_id: string; kind: 'seal' | 'head'; seq: string | number; hash: string; at: Date | string; key_id: string; tombstones: string | null;
  public_key: string; signature: string;
}
export const anchorFromRow = (r: AnchorRow): Anchor => ({
  chainId: String(r.chain_id).toLowerCase(), kind: r.kind, seq: Number(r.seq), hash: r.hash, at: new Date(r.at).toISOString(), keyId: r.key_id, tombstones: r.tombstones,
  publicKey: r.public_key, signature: r.signature,
});

// ---- files outside the database ----

const FILE = /^anchors-\d{4}-\d{2}\.jsonl$/;

/** Append one anchor as a JSON line to this month's file, flushed to disk before returning. */
export function appendAnchorFile(dir: string, a: Anchor): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `anchors-${a.at.slice(0, 7)}.jsonl`);
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(a)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface AnchorFiles { anchors: Anchor[]; unreadable: { file: string; line: number }[] }

/** Every anchor in the directory's files (none when it does not exist); lines that do not parse are named. */
export function readAnchorFiles(dir: string): AnchorFiles {
  const out: AnchorFiles = { anchors: [], unreadable: [] };
  if (!fs.existsSync(dir)) return out;
  for (const name of fs.readdirSync(dir).filter((f) => FILE.test(f)).sort()) {
    const file = path.join(dir, name);
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const a = JSON.parse(line) as Anchor;
        if ((a.kind !== 'seal' && a.kind !== 'head') || typeof a.chainId !== 'string' || !Number.isSafeInteger(a.seq) || typeof a.hash !== 'string' || typeof a.signature !== 'string') throw new Error('shape');
        out.anchors.push({ ...a, tombstones: a.tombstones ?? null });
      } catch {
        out.unreadable.push({ file, line: i + 1 });
      }
    });
  }
  return out;
}

// ---- the switch to the keyed chain (owner, at start-up) ----

/**
 * Once per database, in the owner's transaction right after migrating: chain any rows from before the chain
 * existed (plain SM3), then sign a seal at the head. Every later link is keyed. Never seals again once the database
 * or the anchor files hold an anchor of this chain (its anchors deleted from the database: the files' seal still
 * applies); should a seal be made again all the same, the verifier refuses two. Returns the seal, to be appended to
 * the anchor file after the transaction commits.
 */
export async function sealLegacyChain(q: OwnerQuery, keys: AuditKeys): Promise<Anchor | null> {
  await q('lock table audit_anchor in share row exclusive mode');
  const [{ n }] = await q<{ n: string }>('select count(*) as n from audit_anchor');
  if (Number(n) > 0) return null;
  const [{ chain_id: chainId }] = await q<{ chain_id: string }>('select chain_id::text from audit_chain_head where id = 1');
  if (readAnchorFiles(keys.anchorDir).anchors.some((a) => a.chainId === chainId)) {
    console.error(`访问日志：数据库中的签名锚点已不在，但 ${keys.anchorDir} 中仍有这条链的锚点——不再重新封存，请运行 make audit-verify 检查。`);
    return null;
  }
  await sealUnchained(q);
  const [head] = await q<{ last_seq: string; last_hash: string }>('select last_seq, last_hash from audit_chain_head where id = 1 for update');
  const tombs = await q<{ seq: string }>('select seq from audit_tombstone order by seq');
  const seal = signAnchor(keys, { chainId, kind: 'seal', seq: Number(head.last_seq), hash: head.last_hash, tombstones: tombstoneDigest(tombs.map((t) => Number(t.seq))) });
  await q(`insert into audit_anchor (chain_id, kind, seq, hash, at, key_id, tombstones, public_key, signature) values ($8, 'seal', $1, $2, $3, $4, $5, $6, $7)`,
    [seal.seq, seal.hash, seal.at, seal.keyId, seal.tombstones, seal.publicKey, seal.signature, seal.chainId]);
  return seal;
}

// ---- signed heads (the API, as its own role) ----

/** The caller's transaction appended to the chain: its head is not yet committed and must not be signed. */
export class HeadNotCommitted extends Error {
  constructor() { super('the audit chain head was moved by this transaction; sign it after commit'); }
}

/**
 * Sign the chain head in the caller's transaction and keep it in the database; the caller appends it to the file
 * (appendAnchorFile) once committed. Without `force`, nothing is signed when the head is already anchored.
 */
export async function anchorHeadIn(trx: Tx, keys: AuditKeys, force = false): Promise<Anchor | null> {
  const h = (await sql<{ chain_id: string; last_seq: string; last_hash: string; anchored_seq: string | null; own: boolean }>`select * from audit_chain_peek()`.execute(trx)).rows[0];
  if (h.own) throw new HeadNotCommitted();
  if (!force && h.anchored_seq !== null && Number(h.anchored_seq) >= Number(h.last_seq)) return null;
  const a = signAnchor(keys, { chainId: String(h.chain_id), kind: 'head', seq: Number(h.last_seq), hash: h.last_hash, tombstones: null });
  await sql`select audit_anchor_add(${a.chainId}::uuid, ${a.seq}, ${a.hash}, ${a.at}::timestamptz, ${a.keyId}, ${a.publicKey}, ${a.signature})`.execute(trx);
  return a;
}

/** Sign the head in a transaction of its own, then append it to the anchor file. */
export async function anchorHead(db: Kysely<DB>, keys: AuditKeys, force = false): Promise<Anchor | null> {
  const a = await db.transaction().execute((trx) => anchorHeadIn(trx, keys, force));
  if (a) appendAnchorFile(keys.anchorDir, a);
  return a;
}

/** Sign the head every `intervalMs` when it has moved; stop() signs a last one. */
export function startAnchoring(db: Kysely<DB>, keys: AuditKeys, intervalMs: number, onError: (e: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => { running = running.then(() => anchorHead(db, keys)).catch(onError); };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      tick();
      await running;
    },
  };
}

/** Signed heads for auditors (root scope only; audit_anchor_list returns nothing otherwise), newest first. */
export async function listAnchors(trx: Tx, limit: number): Promise<Anchor[]> {
  const { rows } = await sql<AnchorRow>`select * from audit_anchor_list(${limit})`.execute(trx);
  return rows.map(anchorFromRow);
}
