// `make audit-verify`: check the access log as the database owner (audit/verify.ts): every signed anchor in the
// database and in AUDIT_ANCHOR_DIR, every link (keyed with AUDIT_CHAIN_KEY after the seal), every tombstone against
// its attested purge. PostgreSQL when DATABASE_URL is set (connects with DATABASE_OWNER_URL); otherwise the PGlite
// database in LZ_DATA_DIR (stop the server first: PGlite admits one process). AUDIT_SIGNING_PUBLIC_KEY sets the
// trusted public key. Exit code 0 when intact, 1 when broken, 2 when it cannot check.
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../config/index.js';
import type { OwnerQuery } from './chain.js';
import { auditKeys } from './keys.js';
import { verifyChain, type VerifyResult } from './verify.js';
import { pgliteParsers } from '../db/pglite-pool.js';

export async function verifyDatabase(): Promise<VerifyResult> {
  const config = loadConfig();
  const keys = auditKeys(config);
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseOwnerUrl });
    await client.connect();
    try {
      const q: OwnerQuery = async (text, params) => (await client.query(text, params as unknown[])).rows;
      return await verifyChain(q, keys);
    } finally {
      await client.end();
    }
  }
  const dir = path.join(config.dataDir, 'pglite');
  if (!fs.existsSync(dir)) throw new Error(`找不到数据库目录 ${dir}`);
  const db = await PGlite.create({ dataDir: dir, extensions: { ltree, pg_trgm }, parsers: pgliteParsers });
  try {
    // OwnerQuery is generic in its row type; PGlite's rows are untyped records (not a database type).
    const q: OwnerQuery = async (text, params) => (await db.query(text, params as unknown[])).rows as never;
    return await verifyChain(q, keys);
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  verifyDatabase().then((r) => {
    for (const n of r.notes) console.log(`注意：${n}`);
    if (r.ok) {
      console.log(`访问日志哈希链完整：${r.rows} 行，${r.tombstones} 行已清理（保留哈希），末序号 ${r.lastSeq}；`
        + `${r.anchors} 个签名锚点有效，${r.sealSeq === null ? '无封存锚点' : `序号 ${r.sealSeq} 之后的行均以链密钥（HMAC-SM3）写入`}。`);
      process.exit(0);
    }
    console.error(`访问日志哈希链断裂：序号 ${r.broken!.seq}${r.broken!.id ? `（日志行 id ${r.broken!.id}）` : ''}：${r.broken!.reason}。此前 ${r.rows} 行校验通过。`);
    process.exit(1);
  }).catch((e) => {
    console.error(`校验失败：${(e as Error).message}`);
    process.exit(2);
  });
}
