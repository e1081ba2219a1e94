#!/usr/bin/env node
// Object store ↔ backup directory, through the MinIO client (any S3-compatible server: MinIO, s3rver in tests).
//
//   node infra/backup/objects.mjs backup  DIR   every object of MINIO_BUCKET → DIR/objects/ + DIR/objects.json
//   node infra/backup/objects.mjs restore DIR   DIR (as listed in DIR/manifest.json) → MINIO_BUCKET, then verify
//   node infra/backup/objects.mjs verify  DIR   compare MINIO_BUCKET with DIR/manifest.json (bytes, type, metadata)
//   node infra/backup/objects.mjs check   DIR   re-hash the stored object files against DIR/manifest.json (offline)
//
// Object bodies are stored by content: DIR/objects/<first two hex digits>/<sha256>. Keys (which may be Chinese, contain
// slashes, or be both a "file" and a "folder") never become file names; the index maps key → sha256, size, content
// type and metadata. Connection: MINIO_ENDPOINT, MINIO_PORT, MINIO_USE_SSL, MINIO_ACCESS_KEY, MINIO_SECRET_KEY,
// MINIO_BUCKET, optional MINIO_REGION. A private CA for MinIO's TLS: NODE_EXTRA_CA_CERTS=/path/ca.pem.
// Backups are incremental when OBJECTS_PREVIOUS names the previous backup directory (backup.sh passes "latest"):
// unchanged objects are hard-linked from it, so a night costs what changed, and every directory is still complete.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import * as Minio from 'minio';

const env = (name, fallback) => {
  const v = process.env[name];
  return v === undefined || v.trim() === '' ? fallback : v.trim();
};
const die = (msg) => { console.error(`objects: ${msg}`); process.exit(1); };
const log = (msg) => console.log(`objects: ${msg}`);

// Headers that describe the object and are put back on restore. Everything else statObject reports (server-side
// encryption, storage class) is recorded in the manifest but left to the target bucket's own settings.
const RESTORED_HEADERS = ['content-type', 'cache-control', 'content-encoding', 'content-disposition', 'content-language'];

function client() {
  const endPoint = env('MINIO_ENDPOINT') ?? die('MINIO_ENDPOINT is not set');
  const useSSL = /^(1|true|yes|on)$/i.test(env('MINIO_USE_SSL', 'false'));
  return new Minio.Client({
    endPoint,
    port: Number(env('MINIO_PORT', useSSL ? '443' : '9000')),
    useSSL,
    accessKey: env('MINIO_ACCESS_KEY') ?? die('MINIO_ACCESS_KEY is not set'),
    secretKey: env('MINIO_SECRET_KEY') ?? die('MINIO_SECRET_KEY is not set'),
    region: env('MINIO_REGION'),
  });
}
const bucketName = () => env('MINIO_BUCKET') ?? die('MINIO_BUCKET is not set');
const concurrency = () => Math.max(1, Number(env('OBJECTS_CONCURRENCY', '4')));

/** Runs fn over items with at most n in flight; rejects on the first failure. */
async function eachLimit(items, n, fn) {
  let next = 0;
  const worker = async () => { while (next < items.length) { const i = next++; await fn(items[i], i); } };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
}

/** Splits statObject's metaData into the object's own headers and its user metadata (x-amz-meta-*, prefix removed). */
function describe(stat) {
  const headers = {};
  const metadata = {};
  const other = {};
  for (const [k, v] of Object.entries(stat.metaData ?? {})) {
    const key = k.toLowerCase();
    if (RESTORED_HEADERS.includes(key)) headers[key] = String(v);
    else if (key.startsWith('x-amz-')) other[key] = String(v);
    else metadata[key] = String(v); // minio strips the x-amz-meta- prefix
  }
  return { headers, metadata, other };
}

async function listAll(mc, bucket, prefix = '') {
  const items = [];
  await new Promise((resolve, reject) => {
    const s = mc.listObjectsV2(bucket, prefix, true);
    s.on('data', (o) => { if (o.name !== undefined) items.push({ key: o.name, size: o.size }); });
    s.on('error', reject);
    s.on('end', resolve);
  });
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const blobPath = (dir, sha) => path.join(dir, 'objects', sha.slice(0, 2), sha);

async function sha256File(file) {
  const h = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) { h.update(chunk); size += chunk.length; }
  return { sha256: h.digest('hex'), size };
}

async function sha256Object(mc, bucket, key) {
  const h = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of await mc.getObject(bucket, key)) { h.update(chunk); size += chunk.length; }
  return { sha256: h.digest('hex'), size };
}

/** The previous backup's objects by key, for unchanged objects to be linked instead of downloaded again. */
async function previousIndex(prevDir) {
  if (!prevDir) return new Map();
  const file = path.join(prevDir, 'manifest.json');
  if (!fs.existsSync(file)) return new Map();
  try {
    const m = JSON.parse(await fsp.readFile(file, 'utf8'));
    return new Map((m.objects?.items ?? []).map((o) => [o.key, o]));
  } catch {
    return new Map();
  }
}

/** Hard-links (or, across file systems, copies) a blob of the previous backup into this one. */
async function reuse(prevDir, dir, sha256) {
  const from = blobPath(prevDir, sha256);
  const to = blobPath(dir, sha256);
  if (fs.existsSync(to)) return;
  await fsp.mkdir(path.dirname(to), { recursive: true });
  try {
    await fsp.link(from, to);
  } catch (e) {
    if (e?.code === 'EEXIST') return;
    if (e?.code !== 'EXDEV' && e?.code !== 'EPERM') throw e;
    await fsp.copyFile(from, to);
  }
}

async function backup(dir) {
  const mc = client();
  const bucket = bucketName();
  if (!(await mc.bucketExists(bucket))) die(`bucket ${bucket} does not exist`);
  await fsp.mkdir(path.join(dir, 'objects'), { recursive: true });
  // Incremental: an object whose size, ETag and modification time match the previous backup's entry is linked from
  // there (same content, no download). OBJECTS_PREVIOUS names that backup; OBJECTS_FULL=1 downloads everything.
  const prevDir = env('OBJECTS_FULL') === '1' ? undefined : env('OBJECTS_PREVIOUS');
  const previous = await previousIndex(prevDir);
  const listed = await listAll(mc, bucket);
  const items = [];
  const vanished = [];
  let tmpCounter = 0;
  let linked = 0;
  await eachLimit(listed, concurrency(), async ({ key }) => {
    let stat;
    try {
      stat = await mc.statObject(bucket, key);
    } catch (e) {
      if (e?.code === 'NotFound' || e?.code === 'NoSuchKey') { vanished.push(key); return; }
      throw e;
    }
    const etag = stat.etag ?? null;
    const lastModified = stat.lastModified ? new Date(stat.lastModified).toISOString() : null;
    const before = previous.get(key);
    let sha256;
    let size;
    if (before && etag && before.etag === etag && before.size === stat.size && before.lastModified === lastModified
        && fs.existsSync(blobPath(prevDir, before.sha256))) {
      await reuse(prevDir, dir, before.sha256);
      ({ sha256, size } = before);
      linked++;
    } else {
      const tmp = path.join(dir, 'objects', `.partial-${process.pid}-${tmpCounter++}`);
      const h = crypto.createHash('sha256');
      size = 0;
      await pipeline(await mc.getObject(bucket, key), async function* (src) {
        for await (const chunk of src) { h.update(chunk); size += chunk.length; yield chunk; }
      }, fs.createWriteStream(tmp, { mode: 0o600 }));
      sha256 = h.digest('hex');
      const dest = blobPath(dir, sha256);
      await fsp.mkdir(path.dirname(dest), { recursive: true });
      if (fs.existsSync(dest)) await fsp.unlink(tmp); else await fsp.rename(tmp, dest);
    }
    const { headers, metadata, other } = describe(stat);
    items.push({
      key, size, sha256,
      contentType: headers['content-type'] ?? null,
      headers, metadata,
      ...(Object.keys(other).length ? { other } : {}),
      etag,
      lastModified,
    });
  });
  if (linked) log(`${linked} unchanged object(s) linked from ${prevDir}`);
  // An object that was listed but could not be read was either deleted while the backup ran (fine: the sweeper
  // removes only unreferenced objects) or is listed under a key that does not address it (a server or encoding
  // problem, which must not pass silently).
  for (const key of vanished) {
    const again = await listAll(mc, bucket, key);
    if (again.some((o) => o.key === key)) die(`object "${key}" is listed but cannot be read: the server's listing does not match its keys`);
  }
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const bytes = items.reduce((n, o) => n + o.size, 0);
  const index = { bucket, count: items.length, bytes, items, ...(vanished.length ? { vanished } : {}) };
  await fsp.writeFile(path.join(dir, 'objects.json'), JSON.stringify(index, null, 2), { mode: 0o600 });
  if (vanished.length) log(`warning: ${vanished.length} object(s) were deleted while the backup ran: ${vanished.join(', ')}`);
  log(`${items.length} object(s), ${bytes} bytes from bucket ${bucket}`);
}

async function readIndex(dir) {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) die(`${file} not found`);
  const manifest = JSON.parse(await fsp.readFile(file, 'utf8'));
  if (!manifest.objects) die(`${file} lists no objects (this backup has no object-store part)`);
  return manifest.objects;
}

/** Checks the backup's own files against the manifest before anything is uploaded. */
async function checkLocal(dir, index) {
  const bad = [];
  const seen = new Map();
  await eachLimit(index.items, concurrency(), async (o) => {
    const file = blobPath(dir, o.sha256);
    if (!seen.has(o.sha256)) {
      seen.set(o.sha256, fs.existsSync(file) ? sha256File(file) : Promise.resolve(null));
    }
    const got = await seen.get(o.sha256);
    if (!got) bad.push(`${o.key}: ${path.relative(dir, file)} missing`);
    else if (got.sha256 !== o.sha256 || got.size !== o.size) bad.push(`${o.key}: ${path.relative(dir, file)} is damaged`);
  });
  if (bad.length) die(`backup directory does not match its manifest (nothing was uploaded):\n  ${bad.join('\n  ')}`);
}

async function verify(dir, index, { quietExtras = false } = {}) {
  const mc = client();
  const bucket = bucketName();
  const problems = [];
  await eachLimit(index.items, concurrency(), async (o) => {
    let stat;
    try {
      stat = await mc.statObject(bucket, o.key);
    } catch (e) {
      problems.push(`${o.key}: missing (${e?.code ?? e?.message})`);
      return;
    }
    const { headers, metadata } = describe(stat);
    if (o.contentType !== null && headers['content-type'] !== o.contentType) problems.push(`${o.key}: content-type ${headers['content-type']} ≠ ${o.contentType}`);
    for (const [k, v] of Object.entries(o.metadata ?? {})) {
      if (metadata[k] !== v) problems.push(`${o.key}: metadata ${k}=${metadata[k]} ≠ ${v}`);
    }
    const got = await sha256Object(mc, bucket, o.key);
    if (got.sha256 !== o.sha256 || got.size !== o.size) problems.push(`${o.key}: content differs (sha256 ${got.sha256}, ${got.size} bytes)`);
  });
  const present = await listAll(mc, bucket);
  const known = new Set(index.items.map((o) => o.key));
  const extras = present.filter((o) => !known.has(o.key));
  if (extras.length && !quietExtras) log(`note: bucket ${bucket} holds ${extras.length} object(s) not in the backup (left untouched)`);
  if (problems.length) die(`verification failed for ${problems.length} object(s):\n  ${problems.join('\n  ')}`);
  log(`verified ${index.items.length} object(s) in bucket ${bucket} against the manifest`);
}

async function restore(dir) {
  const index = await readIndex(dir);
  await checkLocal(dir, index);
  const mc = client();
  const bucket = bucketName();
  if (bucket !== index.bucket) log(`note: restoring objects of bucket ${index.bucket} into bucket ${bucket}`);
  if (!(await mc.bucketExists(bucket))) {
    await mc.makeBucket(bucket, env('MINIO_REGION', 'us-east-1'));
    log(`created bucket ${bucket}`);
  }
  await eachLimit(index.items, concurrency(), async (o) => {
    const meta = { ...o.headers };
    for (const [k, v] of Object.entries(o.metadata ?? {})) meta[`X-Amz-Meta-${k}`] = v;
    if (!meta['content-type']) meta['content-type'] = 'application/octet-stream';
    await mc.putObject(bucket, o.key, fs.createReadStream(blobPath(dir, o.sha256)), o.size, meta);
  });
  log(`uploaded ${index.items.length} object(s) to bucket ${bucket}`);
  await verify(dir, index);
}

const [cmd, dir] = process.argv.slice(2);
if (!cmd || !dir || !['backup', 'restore', 'verify', 'check'].includes(cmd)) {
  console.error('usage: objects.mjs backup|restore|verify|check DIR');
  process.exit(2);
}
const abs = path.resolve(dir);
try {
  if (cmd === 'backup') await backup(abs);
  else if (cmd === 'restore') await restore(abs);
  else if (cmd === 'check') {
    const index = await readIndex(abs);
    await checkLocal(abs, index);
    log(`${index.items.length} object file(s) match the manifest`);
  } else await verify(abs, await readIndex(abs));
} catch (e) {
  die(e?.stack ?? String(e));
}
