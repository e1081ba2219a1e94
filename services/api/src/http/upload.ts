// One uploaded file of a multipart request (field `file`), read whole under a size cap before any transaction opens;
// every refusal in Chinese with the status it answers.
import type { FastifyRequest } from 'fastify';

export type Upload = { name: string; data: Buffer } | { status: number; error: string };

export async function readOneFile(req: FastifyRequest, maxBytes: number, fallbackName: string): Promise<Upload> {
  const mb = `${maxBytes / 1048576} MB`;
  if (!req.isMultipart()) return { status: 415, error: '请以 multipart/form-data 上传文件（字段名 file）' };
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
    if (!part) return { status: 400, error: '没有收到文件（字段名应为 file）' };
    const data = await part.toBuffer();
    if (part.file.truncated) return { status: 413, error: `文件超过 ${mb} 上限` };
    return { name: part.filename || fallbackName, data };
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { status: 413, error: `文件超过 ${mb} 上限` };
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') return { status: 413, error: '一次只能上传一个文件' };
    return { status: 400, error: '上传的数据不完整，请重新上传' };
  }
}
