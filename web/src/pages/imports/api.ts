// The import and export routes of the appointment form (see services/api/src/modules/imports/routes.ts).
import { authFetch, responseError, withSession } from '../../api/graphql';
import { saveBlob } from '../audit/exportFile';

export interface FamilyItem { ChengWei: string; XingMing: string; ChuShengRiQi: string; ZhengZhiMianMao: string; GongZuoDanWeiJiZhiWu: string }
export type FormFields = Record<string, string | undefined> & { JiaTingChengYuan?: FamilyItem[] } & Record<string, unknown>;
export interface DiffEntry { field: string; label: string; from: string; to: string }
/** Where a new cadre goes unless a unit is chosen at confirmation (modules/imports/propose.ts). */
export interface ProposedUnit { id: string; name: string; source: 'post' | 'default' }
export const UNIT_SOURCE_LABELS: Record<ProposedUnit['source'], string> = { post: '按现任职务匹配', default: '本机构默认导入单位' };
export interface PreviewFile {
  name: string;
  status: 'ok' | 'error';
  error?: string;
  warnings: string[];
  fields?: FormFields;
  match?: { cadreId: string; name: string; unitName: string; by: 'idNumber' | 'nameBirth'; diff: DiffEntry[] } | null;
  /** A form that would create a cadre: its proposed unit (按现任职务匹配 / 本机构默认导入单位), or null (未确定单位). */
  unit?: ProposedUnit | null;
}
export interface Batch { batchId: string; expiresAt: string; files: PreviewFile[] }
export interface ConfirmResult { cadres: { id: string; name: string; created: boolean; file: string }[]; errors: { name: string; error: string }[] }

/** Upload with progress (fetch cannot report upload progress); the session is kept as for every request (withSession). */
export function uploadForms(files: File[], onProgress: (percent: number) => void): Promise<Batch> {
  const send = (token: string | null) => new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const fd = new FormData();
    for (const f of files) fd.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => {
      let body: unknown = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error('网络连接失败，请检查网络后重试'));
    xhr.send(fd);
  });
  return (async () => {
    const res = await withSession(send, (r) => r.status === 401);
    if (res.status !== 200) throw new Error((res.body as { message?: string } | null)?.message ?? `上传失败（HTTP ${res.status}）`);
    return res.body as Batch;
  })();
}

export async function confirmBatch(batchId: string, unitId: string | undefined): Promise<ConfirmResult> {
  const res = await authFetch(`/api/imports/${batchId}/confirm`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(unitId ? { unitId } : {}),
  });
  if (!res.ok) throw await responseError(res, '确认导入失败');
  return res.json();
}

/** Download one of the API's files (export, template) under the name the server gives, or fallback. */
export async function downloadFile(url: string, fallback: string): Promise<void> {
  const res = await authFetch(url);
  if (!res.ok) throw await responseError(res, '下载失败');
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  saveBlob(await res.blob(), m ? decodeURIComponent(m[1]) : fallback);
}
