// 「Word 模板」 (docs/templates.md): for each kind of letter the template in force (本机构 / 上级 / 系统默认), downloading
// it (with none: the built-in layout with its placeholders, to edit in Word), uploading a new one (the server's Chinese
// refusal is shown as it is), 恢复默认, and the placeholders with their meanings. Used in 廉政复函's 复函设置 and in the
// disposition template settings; the API: services/api/src/modules/templates.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Collapse, Descriptions, Popconfirm, Space, Spin, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, RollbackOutlined, UploadOutlined } from '@ant-design/icons';
import { authFetch, errorText, gql, responseError } from '../api/graphql';
import { invalidate, useGqlQuery } from '../api/query';
import { useAuth } from '../auth/AuthProvider';
import { downloadFile } from '../pages/imports/api';

export type DocTemplateKind = 'reply' | 'reply-cadre' | 'disposition' | 'report';
interface Placeholder { name: string; meaning: string; loop: string | null }
interface DocTemplate {
  kind: DocTemplateKind; kindLabel: string; source: 'own' | 'inherited' | 'default'; sourceLabel: string; fileKind: string; fileKindLabel: string;
  ownerName: string | null; fileName: string | null; version: number | null; uploadedAt: string | null; uploadedBy: string | null;
  placeholders: Placeholder[];
}

export const DocTemplatesDocument = `query DocTemplates { docTemplates { kind kindLabel source sourceLabel fileKind fileKindLabel ownerName fileName version
  uploadedAt uploadedBy placeholders { name meaning loop } } }`;
const RemoveDocTemplateDocument = `mutation RemoveDocTemplate($kind: String!) { removeDocTemplate(kind: $kind) { kind source } }`;
const SOURCE_COLOURS: Record<string, string> = { own: 'blue', inherited: 'purple', default: 'default' };
const MAX_MB = 2;

async function uploadTemplate(kind: DocTemplateKind, file: File): Promise<void> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  const res = await authFetch(`/api/templates/${kind}`, { method: 'POST', body: fd });
  if (!res.ok) throw await responseError(res, '模板上传失败');
}

function KindCard({ t }: { t: DocTemplate }) {
  const { message } = AntApp.useApp();
  const { can } = useAuth();
  const manage = can('DocTemplate:update');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File) => {
    setError(null);
    if (!/\.docx$/i.test(file.name)) { setError(`「${file.name}」不是 .docx 文件：请在 Word 或 WPS 中另存为「Word 文档（*.docx）」后上传`); return; }
    if (file.size > MAX_MB * 1024 * 1024) { setError(`文件超过 ${MAX_MB} MB 上限`); return; }
    setBusy(true);
    try {
      await uploadTemplate(t.kind, file);
      message.success(`${t.kindLabel}模板已上传`);
      await invalidate(DocTemplatesDocument);
    } catch (e) {
      setError(errorText(e, '模板上传失败'));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await gql(RemoveDocTemplateDocument, { kind: t.kind });
      message.success(`已恢复默认：${t.kindLabel}`);
      setError(null);
      await invalidate(DocTemplatesDocument);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    try {
      await downloadFile(`/api/templates/${t.kind}.docx`, `${t.kindLabel}模板.docx`);
    } catch (e) {
      message.error(errorText(e, '下载失败'));
    }
  };
  const source = t.source === 'inherited' && t.ownerName ? `${t.sourceLabel}（${t.ownerName}）` : t.sourceLabel;
  return (
    <div data-testid={`doc-template-${t.kind}`} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={1} bordered title={<Typography.Text strong>{t.kindLabel}</Typography.Text>}>
        <Descriptions.Item label="当前模板">
          <Space wrap>
            <Tag color={SOURCE_COLOURS[t.source]} data-testid="doc-template-source">{source}</Tag>
            {t.fileName ? <span>{t.fileName}（第 {t.version} 版{t.fileKind !== t.kind ? `，沿用${t.fileKindLabel}模板` : ''}）</span> : <span>系统内置版式</span>}
            {t.uploadedBy && <Typography.Text type="secondary">{t.uploadedBy} 上传于 {t.uploadedAt?.slice(0, 16).replace('T', ' ')}</Typography.Text>}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 8 }}>
        <Button size="small" icon={<DownloadOutlined />} onClick={download} data-testid="doc-template-download">下载当前模板</Button>
        {manage && (
          <Upload accept=".docx" showUploadList={false} disabled={busy} beforeUpload={(file) => { void upload(file); return false; }}>
            <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="doc-template-upload">上传模板</Button>
          </Upload>
        )}
        {manage && t.source === 'own' && (
          <Popconfirm title={`恢复默认后使用${t.ownerName ? '上级或' : ''}系统默认版式，已上传的版本仍保留。确定？`} onConfirm={remove} okText="恢复默认" cancelText="取消">
            <Button size="small" icon={<RollbackOutlined />} disabled={busy} data-testid="doc-template-remove">恢复默认</Button>
          </Popconfirm>
        )}
      </Space>
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon message="模板未采用" description={error} closable onClose={() => setError(null)} data-testid="doc-template-error" />}
      <Collapse
        size="small" ghost style={{ marginTop: 4 }}
        items={[{
          key: 'p', label: `可用占位符（${t.placeholders.length} 个）`,
          children: (
            <Table<Placeholder>
              size="small" pagination={false} rowKey={(p) => `${p.loop ?? ''}${p.name}`} dataSource={t.placeholders}
              columns={[
                { title: '占位符', dataIndex: 'name', width: 240, render: (v: string) => <Typography.Text code copyable>{v}</Typography.Text> },
                { title: '含义', dataIndex: 'meaning' },
                { title: '位置', dataIndex: 'loop', width: 110, render: (v: string | null) => (v ? `「${v}」循环内` : '任意位置') },
              ]}
            />
          ),
        }]}
      />
    </div>
  );
}

/** The 「Word 模板」 section for the given kinds. */
export function DocTemplateSection({ kinds }: { kinds: DocTemplateKind[] }) {
  const q = useGqlQuery<{ docTemplates: DocTemplate[] }, undefined>(DocTemplatesDocument);
  if (q.error) return <Alert type="error" showIcon message={errorText(q.error, 'Word 模板加载失败')} />;
  if (!q.data) return <Spin />;
  return (
    <div data-testid="doc-templates">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        在 Word 中编辑下载的模板（红头、印章位置、字体、固定文字），在需要填入数据的位置写占位符，如 {'{发文机关}'}、{'{文号}'}；
        表格中逐人一行时，把 {'{#干部}'} 写在该行第一格、{'{/干部}'} 写在最后一格。上传后复函、通知书即按模板生成；未上传时沿用上级的模板，否则使用系统默认版式。
      </Typography.Paragraph>
      {q.data.docTemplates.filter((t) => kinds.includes(t.kind)).map((t) => <KindCard key={t.kind} t={t} />)}
    </div>
  );
}
