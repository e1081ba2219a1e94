// The verifier (`make audit-verify`, as the owner): checks every signed anchor (database and files outside it),
// recomputes every link (plain SM3 up to the seal, HMAC-SM3 with the chain key after it), requires the chain to pass
// through every anchored (seq, hash), and accepts a tombstone only when an attested purge made it from a row older
// than that purge's cut-off. Names the first problem found.
import { GENESIS, chainHash, contentOf, type OwnerQuery, type StoredRow } from './chain.js';
import { anchorFromRow, anchorSignatureValid, readAnchorFiles, tombstoneDigest, type Anchor } from './anchor.js';
import { chainKeyId, type AuditKeys } from './keys.js';
import { PURGE_OPERATION, type PurgeAttestation } from './purge.js';
import { AUDIT_PURGE_MIN_DAYS } from '../../../../shared/audit.js';

export interface VerifyResult {
  ok: boolean;
  rows: number;
  tombstones: number;
  lastSeq: number;
  /** Distinct signed anchors checked (database and files). */
  anchors: number;
  /** Where the keyed chain begins (the seal's seq), null when there is no seal. */
  sealSeq: number | null;
  /** Findings that are not tampering (e.g. anchors in the files that the database lacks). */
  notes: string[];
  broken?: { seq: number; id: string | null; reason: string };
}

interface PurgeRun { id: string; purged_at: Date; days: number; cutoff: Date; rows: number; first_seq: string | null; last_seq: string | null; max_at: Date | null }
type WalkRow = StoredRow & { tomb: boolean; purge_id: string | null; before_cutoff: boolean | null; same_run: boolean | null };

const fmt = (a: Anchor) => `${a.kind === 'seal' ? '封存锚点' : '签名锚点'}（序号 ${a.seq}，签署于 ${a.at}）`;
const ms = (v: Date | string | null) => (v === null ? null : new Date(v).getTime());

export async function verifyChain(q: OwnerQuery, keys: Pick<AuditKeys, 'chainKey' | 'publicKey' | 'anchorDir'>, batch = 5000): Promise<VerifyResult> {
  let rows = 0, tombstones = 0, expected = 1;
  let sealSeq: number | null = null;
  const notes: string[] = [];
  const anchorsBySeq = new Map<number, Anchor[]>();
  const result = (extra: Partial<VerifyResult>): VerifyResult =>
    ({ ok: true, rows, tombstones, lastSeq: expected - 1, anchors: [...anchorsBySeq.values()].reduce((n, l) => n + l.length, 0), sealSeq, notes, ...extra });
  const fail = (seq: number, id: string | null, reason: string) => result({ ok: false, broken: { seq, id, reason } });

  // 1. Anchors of this chain: database and files, each signature checked against the trusted public key.
  const keyId = chainKeyId(keys.chainKey);
  const [{ chain_id: chainId }] = await q<{ chain_id: string }>('select chain_id::text from audit_chain_head where id = 1');
  const inDb = (await q<Parameters<typeof anchorFromRow>[0]>('select * from audit_anchor order by id')).map(anchorFromRow);
  const foreignInDb = inDb.find((a) => a.chainId !== chainId);
  if (foreignInDb) return fail(foreignInDb.seq, null, `${fmt(foreignInDb)}属于另一条链（${foreignInDb.chainId}），而本链为 ${chainId}（链标识或锚点被改动）`);
  const files = readAnchorFiles(keys.anchorDir);
  if (files.unreadable.length) return fail(0, null, `库外锚点文件 ${files.unreadable[0].file} 第 ${files.unreadable[0].line} 行无法解析（被改动）`);
  const others = files.anchors.filter((a) => a.chainId !== chainId).length;
  if (others) notes.push(`${keys.anchorDir} 中有 ${others} 个其他数据库（其他链）的签名锚点，已略过`);
  const seen = new Set(inDb.map((a) => a.signature));
  const missing = files.anchors.filter((a) => a.chainId === chainId && !seen.has(a.signature) && (seen.add(a.signature), true));
  if (missing.length) notes.push(`库外文件中有 ${missing.length} 个签名锚点不在数据库中（已按文件校验）：最早的是${fmt(missing[0])}`);
  const all = [...inDb, ...missing];
  for (const a of all) {
    if (!anchorSignatureValid(a, keys.publicKey)) return fail(a.seq, null, `${fmt(a)}的 SM2 签名无效（被伪造或改动，或签名公钥不对）`);
    if (a.keyId !== keyId) return fail(a.seq, null, `${fmt(a)}记录的链密钥指纹 ${a.keyId} 与校验所用密钥的指纹 ${keyId} 不符：AUDIT_CHAIN_KEY 不是写入时的密钥`);
    const list = anchorsBySeq.get(a.seq) ?? [];
    list.push(a);
    anchorsBySeq.set(a.seq, list);
  }
  const seals = all.filter((a) => a.kind === 'seal');
  if (seals.length > 1) return fail(seals[1].seq, null, `存在 ${seals.length} 个封存锚点（只应有一个）：${seals.map(fmt).join('、')}`);
  const seal = seals[0];
  // Every chain is sealed when first opened with this release: a chain without a seal lost it (or its identity changed).
  if (!seal) return fail(0, null, `找不到本链（${chainId}）的封存锚点：数据库与库外锚点文件中都没有（被删除，或链标识被改动）`);
  sealSeq = seal ? seal.seq : null;
  const keyedAfter = seal?.seq ?? 0;
  for (const a of anchorsBySeq.get(0) ?? []) if (a.hash !== GENESIS) return fail(0, null, `${fmt(a)}与链的起点不符`);

  // 2. The links, in order.
  const unchained = await q<{ id: string }>('select id::text from audit_event where seq is null order by id limit 1');
  if (unchained.length) return fail(0, unchained[0].id, '存在未入链的日志行（绕过链写入）');
  const runs = new Map((await q<PurgeRun>('select * from audit_purge_run')).map((r) => [String(r.id), r]));
  const runTombs = new Map<string, { n: number; lo: number; hi: number }>();
  const attested = new Map<string, { att: PurgeAttestation; seq: number }>();
  const legacyTombs: number[] = [];
  let prev = GENESIS;
  for (;;) {
    const page = await q<WalkRow>(
      `select * from (
         select id::text, seq, prev_hash, hash, at, tenant_id, user_id, username, operation, kind, outcome, client_ip,
                request_id, cadre_ids, detail, summary, false as tomb, null::text as purge_id, null::boolean as before_cutoff,
                null::boolean as same_run
           from audit_event where seq >= $1 and seq < $2
         union all
         select null::text, t.seq, t.prev_hash, t.hash, t.at, null::uuid, null::uuid, null::text, ''::text, ''::text, ''::text,
                null::text, null::text, '{}'::uuid[], '{}'::jsonb, null::text, true, t.purge_id::text, t.at < r.cutoff,
                t.purged_at = r.purged_at
           from audit_tombstone t left join audit_purge_run r on r.id = t.purge_id
          where t.seq >= $1 and t.seq < $2) x order by seq`, [expected, expected + batch]);
    if (!page.length) break;
    for (const r of page) {
      const seq = Number(r.seq);
      if (seq !== expected) return fail(expected, null, seq > expected ? `缺少序号 ${expected} 的日志行（被删除）` : `序号 ${seq} 重复`);
      if (r.prev_hash !== prev) return fail(seq, r.id, '与前一行的哈希不衔接');
      if (r.tomb) {
        tombstones++;
        if (r.purge_id === null) {
          // Only tombstones from before the switch may lack a run; the seal signed which ones existed.
          if (!seal || seq > seal.seq) return fail(seq, null, '占位行不属于任何清理记录（删除后伪造的占位）');
          legacyTombs.push(seq);
        } else {
          if (!runs.has(r.purge_id)) return fail(seq, null, `占位行所指的第 ${r.purge_id} 次清理不存在（伪造的占位）`);
          if (!r.before_cutoff) return fail(seq, null, `被清理的行不早于第 ${r.purge_id} 次清理的保留截止时间（未到期的行被删除）`);
          if (!r.same_run) return fail(seq, null, `占位行的清理时间与第 ${r.purge_id} 次清理不符（伪造的占位）`);
          const t = runTombs.get(r.purge_id) ?? { n: 0, lo: seq, hi: seq };
          runTombs.set(r.purge_id, { n: t.n + 1, lo: Math.min(t.lo, seq), hi: Math.max(t.hi, seq) });
        }
      } else {
        rows++;
        const keyed = seq > keyedAfter;
        const content = contentOf(r, seq);
        if (chainHash(prev, content, keyed ? keys.chainKey : undefined) !== r.hash) {
          return fail(seq, r.id, keyed ? '内容与哈希不符（被修改，或不是用链密钥写入的）' : '内容与哈希不符（被修改）');
        }
        const att = (content.detail as { auditPurge?: PurgeAttestation } | null)?.auditPurge;
        if (keyed && r.operation === PURGE_OPERATION && att && Number.isSafeInteger(att.run)) attested.set(String(att.run), { att, seq });
      }
      for (const a of anchorsBySeq.get(seq) ?? []) {
        if (a.hash !== r.hash) return fail(seq, r.id, `链与${fmt(a)}不符：签署后此处被改写`);
      }
      prev = r.hash!;
      expected++;
    }
  }
  const last = expected - 1;

  // 3. The end of the chain: the head and every anchor must lie on it.
  const [head] = await q<{ last_seq: string; last_hash: string }>('select last_seq, last_hash from audit_chain_head where id = 1');
  if (Number(head.last_seq) !== last || head.last_hash !== prev) {
    return fail(expected, null, `链尾不符：链头记录到序号 ${head.last_seq}，实际到 ${last}（末尾的行被删除）`);
  }
  const beyond = all.filter((a) => a.seq > last).sort((a, b) => a.seq - b.seq)[0];
  if (beyond) return fail(beyond.seq, null, `${fmt(beyond)}超出链尾 ${last}（签署后末尾的行被删除）`);

  // 4. Tombstones: those before the switch as the seal signed them; every run as its keyed row attests it.
  if (seal && tombstoneDigest(legacyTombs) !== seal.tombstones) {
    return fail(legacyTombs[0] ?? seal.seq, null, `启用密钥前的占位行与封存锚点记录的不符（封存时 ${seal.tombstones?.split(':')[0]} 行，现在 ${legacyTombs.length} 行：删除后伪造了占位）`);
  }
  for (const [id, t] of [...runTombs].sort((a, b) => a[1].lo - b[1].lo)) {
    const run = runs.get(id)!;
    const a = attested.get(id);
    if (!a) return fail(t.lo, null, `第 ${id} 次清理没有带密钥的清理记录行（清理记录与占位行是伪造的）`);
    const { att } = a;
    const same = att.rows === t.n && att.rows === Number(run.rows) && att.firstSeq === t.lo && att.lastSeq === t.hi
      && att.firstSeq === Number(run.first_seq) && att.lastSeq === Number(run.last_seq) && att.days === run.days
      && ms(att.purgedAt) === ms(run.purged_at) && ms(att.cutoff) === ms(run.cutoff) && ms(att.maxAt) === ms(run.max_at);
    if (!same) {
      return fail(t.lo, null, `第 ${id} 次清理的占位行与其清理记录（序号 ${a.seq}）不符：记录 ${att.rows} 行（序号 ${att.firstSeq}–${att.lastSeq}），现有 ${t.n} 行（序号 ${t.lo}–${t.hi}）`);
    }
    const cutoff = ms(att.cutoff)!, maxAt = ms(att.maxAt);
    if (att.days < AUDIT_PURGE_MIN_DAYS || ms(att.purgedAt)! - cutoff < (att.days * 24 - 1) * 3600_000 || maxAt === null || maxAt >= cutoff) {
      return fail(t.lo, null, `第 ${id} 次清理的保留期不足 ${AUDIT_PURGE_MIN_DAYS} 天或清理了未到期的行`);
    }
  }
  return result({});
}
