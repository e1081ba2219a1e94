// The photo cell of the form: the cadre's photo when there is one, else an empty frame; those who may edit the
// archive upload (JPEG/PNG, ≤ 5 MB; the server re-encodes it) or remove it here.
import { useRef, useState } from 'react';
import { App as AntApp, Button, Popconfirm, Space, Tooltip } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { authFetch } from '../../api/graphql';

const MAX = 5 * 1024 * 1024;

/** PUT/DELETE on the photo route with the session's token (authFetch). */
async function send(cadreId: string, method: 'PUT' | 'DELETE', file?: File): Promise<void> {
  const res = await authFetch(`/api/cadres/${cadreId}/photo`, {
    method,
    headers: file ? { 'Content-Type': file.type } : {},
    body: file,
  });
  if (!res.ok) {
    const body = await res.json().catch(() => null) as { message?: string } | null;
    throw new Error(res.status === 413 ? '照片不能超过 5 MB' : body?.message ?? '照片保存失败');
  }
}

export function PhotoFrame({ cadreId, url, editable, onChanged }: { cadreId: string; url: string | null; editable: boolean; onChanged(): void }) {
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const run = async (method: 'PUT' | 'DELETE', file?: File) => {
    setBusy(true);
    try {
      await send(cadreId, method, file);
      message.success(method === 'PUT' ? '照片已更新' : '照片已删除');
      onChanged();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const pick = (file: File | undefined) => {
    if (!file) return;
    if (!['image/jpeg', 'image/png'].includes(file.type)) { message.error('照片须为 JPEG 或 PNG 图片'); return; }
    if (file.size > MAX) { message.error('照片不能超过 5 MB'); return; }
    void run('PUT', file);
  };

  return (
    <div className="lz-photo-frame">
      {url ? <img src={url} alt="照片" className="lz-photo-img" data-testid="archive-photo-img" /> : <div className="lz-photo" data-testid="archive-photo">照片</div>}
      {editable && (
        <Space size={0} className="lz-photo-actions lz-no-print">
          <input ref={input} type="file" accept="image/jpeg,image/png" hidden data-testid="photo-input"
            onChange={(e) => { pick(e.target.files?.[0]); e.target.value = ''; }} />
          <Tooltip title="上传照片（JPEG/PNG，不超过 5 MB）">
            <Button type="link" size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid="photo-upload">
              {url ? '更换' : '上传'}
            </Button>
          </Tooltip>
          {url && (
            <Popconfirm title="删除照片？" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => void run('DELETE')}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} disabled={busy} data-testid="photo-delete">删除</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </div>
  );
}
