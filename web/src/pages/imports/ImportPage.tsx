// 导入任免审批表: drop .lrmx / .docx / Excel roster files or a .zip of them; each file is previewed (parsed fields,
// photo, family and resume, warnings), matched to an existing cadre with a field-by-field diff, and nothing is
// written until 确认导入. Upload progress is shown; errors name the file and the reason.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert, App as AntApp, Button, Card, Descriptions, Empty, Progress, Result, Space, Table, Tag, Typography, Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { errorText } from '../../api/graphql';
import { invalidate } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { UnitPicker } from '../../components/UnitPicker';
import { CadresDocument, UnitsDocument } from '../cadres/queries';
import { confirmBatch, downloadFile, UNIT_SOURCE_LABELS, uploadForms, type Batch, type PreviewFile } from './api';
import { formatMonth } from '../../components/format';

const month = (v?: unknown) => formatMonth(typeof v === 'string' ? v : null);

/** The preview shows the region code only, as the archive does for non-officers (the API masks it already for them). */
const maskId = (s: string) => s.slice(0, 6) + '*'.repeat(Math.max(0, s.length - 6));

function FileDetail({ file }: { file: PreviewFile }) {
  const f = file.fields ?? {};
  const photo = typeof f.ZhaoPian === 'string' && f.ZhaoPian ? `data:image/jpeg;base64,${f.ZhaoPian}` : null;
  return (
    <div className="lz-import-detail" data-testid="import-detail">
      {file.match && (
        <div className="lz-import-diff">
          <Typography.Text strong>与现有档案的差异（{file.match.diff.length} 项）</Typography.Text>
          {file.match.diff.length ? (
            <Table
              size="small" pagination={false} rowKey="field" data-testid="import-diff" dataSource={file.match.diff}
              columns={[
                { title: '项目', dataIndex: 'label', width: 180 },
                { title: '现有档案', dataIndex: 'from', render: (v: string) => <span className="lz-pre lz-diff-from">{v || '（空）'}</span> },
                { title: '导入后', dataIndex: 'to', render: (v: string) => <span className="lz-pre lz-diff-to">{v || '（空）'}</span> },
              ]}
            />
          ) : <div className="lz-muted">与现有档案一致，确认后不会改变任何内容。</div>}
        </div>
      )}
      <div className="lz-import-fields">
        {photo && <img src={photo} alt="照片" className="lz-import-photo" />}
        <Descriptions size="small" bordered column={3} className="lz-import-desc">
          <Descriptions.Item label="姓名">{f.XingMing as string}</Descriptions.Item>
          <Descriptions.Item label="性别">{f.XingBie as string}</Descriptions.Item>
          <Descriptions.Item label="出生年月">{month(f.ChuShengNianYue)}</Descriptions.Item>
          <Descriptions.Item label="民族">{f.MinZu as string}</Descriptions.Item>
          <Descriptions.Item label="籍贯">{f.JiGuan as string}</Descriptions.Item>
          <Descriptions.Item label="入党时间">{month(f.RuDangShiJian)}</Descriptions.Item>
          <Descriptions.Item label="参加工作时间">{month(f.CanJiaGongZuoShiJian)}</Descriptions.Item>
          <Descriptions.Item label="全日制教育">{[f.QuanRiZhiJiaoYu_XueLi, f.QuanRiZhiJiaoYu_XueWei].filter(Boolean).join(' ')}</Descriptions.Item>
          <Descriptions.Item label="在职教育">{[f.ZaiZhiJiaoYu_XueLi, f.ZaiZhiJiaoYu_XueWei].filter(Boolean).join(' ')}</Descriptions.Item>
          <Descriptions.Item label="公民身份号码">{f.ShenFenZheng ? maskId(String(f.ShenFenZheng)) : ''}</Descriptions.Item>
          <Descriptions.Item label="现任职务" span={3}>{f.XianRenZhiWu as string}</Descriptions.Item>
          <Descriptions.Item label="简历" span={3}><span className="lz-pre">{f.JianLi as string}</span></Descriptions.Item>
          <Descriptions.Item label="家庭成员" span={3}>
            {(f.JiaTingChengYuan ?? []).map((m, i) => (
              <div key={i}>{[m.ChengWei, m.XingMing, month(m.ChuShengRiQi), m.ZhengZhiMianMao, m.GongZuoDanWeiJiZhiWu].filter(Boolean).join('　')}</div>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </div>
    </div>
  );
}

export function ImportPage() {
  const { me } = useAuth();
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | undefined>();
  // Confirmed cadres are new or changed: the ledger, the unit counts and their archives are fetched again.
  const confirmation = useMutation({
    mutationFn: ({ batchId, unitId }: { batchId: string; unitId: string | undefined }) => confirmBatch(batchId, unitId),
    onSuccess: () => invalidate(CadresDocument, UnitsDocument, 'CadreArchive', 'CadreProfile'),
  });
  const result = confirmation.data ?? null;
  const confirming = confirmation.isPending;
  const setResult = (r: null) => { if (r === null) confirmation.reset(); };

  const okFiles = batch?.files.filter((f) => f.status === 'ok') ?? [];
  // A form that matches no archive makes a new cadre: it goes to the unit shown with it (its 现任职务's unit, else the
  // 默认导入单位) or to the unit chosen below for all; one with neither is asked for, never assumed (the API refuses too).
  const newFiles = okFiles.filter((f) => !f.match);
  const needsUnit = newFiles.some((f) => !f.unit);
  const reset = () => { setFiles([]); setBatch(null); setResult(null); setError(null); setProgress(null); };

  const parse = async () => {
    setError(null);
    setBatch(null);
    setResult(null);
    setProgress(0);
    try {
      setBatch(await uploadForms(files, setProgress));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProgress(null);
    }
  };

  const confirm = async () => {
    if (!batch) return;
    setError(null);
    try {
      const r = await confirmation.mutateAsync({ batchId: batch.batchId, unitId });
      message.success(`已导入 ${r.cadres.length} 名干部`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const columns: TableColumnsType<PreviewFile> = [
    { title: '文件', dataIndex: 'name', width: 260, render: (v: string) => <span className="lz-break">{v}</span> },
    { title: '姓名', width: 100, render: (_, f) => (f.fields?.XingMing as string) ?? '—' },
    { title: '出生年月', width: 90, render: (_, f) => month(f.fields?.ChuShengNianYue) || '—' },
    { title: '现任职务', render: (_, f) => (f.fields?.XianRenZhiWu as string) || '—' },
    {
      title: '结果', width: 110,
      render: (_, f) => (f.status === 'ok' ? <Tag color="green">可导入</Tag> : <Tag color="red">不能导入</Tag>),
    },
    {
      title: '匹配', width: 190,
      render: (_, f) => {
        if (f.status !== 'ok') return '—';
        if (!f.match) {
          return (
            <span data-testid="import-new">
              <Tag color="blue">新建档案</Tag>
              <div className={unitId ? 'lz-muted lz-strike' : f.unit ? 'lz-muted' : 'lz-warn-text'} data-testid="import-new-unit">
                {f.unit ? `将新建于：${f.unit.name}（${UNIT_SOURCE_LABELS[f.unit.source]}）` : '未确定单位'}
              </div>
              {unitId && <div className="lz-muted">将新建于所选单位</div>}
            </span>
          );
        }
        return (
          <span data-testid="import-match">
            <Tag color="orange">更新</Tag>{f.match.name}
            <div className="lz-muted">{f.match.by === 'idNumber' ? '按身份证号匹配' : '按姓名和出生年月匹配'}，{f.match.diff.length} 项变化</div>
          </span>
        );
      },
    },
    {
      title: '说明', width: 320,
      render: (_, f) => (
        <div data-testid="import-note">
          {f.error && <div className="lz-error-text">{f.error}</div>}
          {f.warnings.map((w, i) => <div key={i} className="lz-warn-text">{w}</div>)}
          {!f.error && !f.warnings.length && <span className="lz-muted">无</span>}
        </div>
      ),
    },
  ];

  return (
    <div className="lz-page" data-testid="import-page">
      <Card
        title="导入干部任免审批表"
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => downloadFile('/api/imports/template.xlsx', '干部花名册模板.xlsx').catch((e) => message.error(errorText(e)))}>
            下载花名册模板
          </Button>
        }
      >
        <Alert
          type="info" showIcon className="lz-form-alert"
          title="支持组织部门干部任免审批表软件导出的 .lrmx 文件、Word/WPS 保存的 .docx 审批表、Excel 干部花名册（.xlsx），以及它们的 .zip 压缩包。上传后先预览，确认后才写入档案；已有干部按公民身份号码或姓名加出生年月匹配并更新，不会重复建档。新建的干部放入现任职务中写明的本机构单位，找不到时放入本机构的默认导入单位（在单位管理中设置），也可在确认时统一选择单位。"
        />
        <Upload.Dragger
          multiple
          accept=".lrmx,.docx,.xlsx,.zip"
          fileList={files.map((f, i) => ({ uid: String(i), name: f.name, size: f.size, status: 'done' as const }))}
          beforeUpload={(_f, list) => { setFiles((prev) => [...prev, ...list.filter((x) => !prev.includes(x))]); setBatch(null); setResult(null); return false; }}
          onRemove={(u) => { setFiles((prev) => prev.filter((_, i) => String(i) !== u.uid)); setBatch(null); }}
          data-testid="import-drop"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">点击或将文件拖到此处</p>
          <p className="ant-upload-hint">可一次选择多个文件；单个文件不超过上传上限</p>
        </Upload.Dragger>
        <Space className="lz-import-actions">
          <Button type="primary" icon={<CloudUploadOutlined />} disabled={!files.length || progress !== null} loading={progress !== null} onClick={() => void parse()} data-testid="import-parse">
            上传并预览（{files.length} 个文件）
          </Button>
          {(files.length > 0 || batch) && <Button onClick={reset}>清空</Button>}
        </Space>
        {progress !== null && (
          <div className="lz-import-progress" data-testid="import-progress">
            <Progress percent={progress} status="active" />
            <span className="lz-muted">{progress < 100 ? '正在上传…' : '正在解析文件，请稍候…'}</span>
          </div>
        )}
        {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="import-error" />}
      </Card>

      {batch && (
        <Card
          className="lz-import-preview"
          title={`预览：共 ${batch.files.length} 份，可导入 ${okFiles.length} 份`}
          data-testid="import-preview"
        >
          <Table<PreviewFile>
            size="small" rowKey={(f) => f.name} columns={columns} dataSource={batch.files} pagination={batch.files.length > 20 ? { pageSize: 20 } : false}
            expandable={{ rowExpandable: (f) => f.status === 'ok', expandedRowRender: (f) => <FileDetail file={f} />, defaultExpandedRowKeys: batch.files.length === 1 ? [batch.files[0].name] : [] }}
            locale={{ emptyText: <Empty description="没有文件" /> }}
          />
          {!result && (
            <Space className="lz-import-actions" wrap>
              <span>新建的干部放入：</span>
              <UnitPicker tenantId={me?.tenant.id} value={unitId} onChange={setUnitId} testId="import-unit"
                placeholder={needsUnit ? '请选择单位（必选）' : newFiles.length ? '按建议单位新建，可另选单位' : '均为已有干部，无需选择'} />
              <Button type="primary" disabled={!okFiles.length || (needsUnit && !unitId)} loading={confirming} onClick={() => void confirm()} data-testid="import-confirm">
                确认导入（{okFiles.length} 份）
              </Button>
              {needsUnit && !unitId && <Typography.Text type="warning" data-testid="import-unit-required">有干部在档案中找不到，将新建档案：请先选择单位</Typography.Text>}
              {!needsUnit && newFiles.length > 0 && !unitId && <span className="lz-muted" data-testid="import-unit-proposed">新建的干部将放入各自的建议单位；选择单位则全部放入所选单位</span>}
              <span className="lz-muted">预览保留 24 小时，只能确认一次。</span>
            </Space>
          )}
          {result && (
            <Result
              status={result.errors.length ? 'warning' : 'success'}
              title={`已导入 ${result.cadres.length} 名干部${result.errors.length ? `，${result.errors.length} 份未导入` : ''}`}
              data-testid="import-result"
              subTitle={(
                <div>
                  {result.cadres.map((c) => (
                    <div key={c.id}><Link to={`/cadres/${c.id}`} data-testid="import-result-link">{c.name}</Link>（{c.created ? '新建' : '更新'}，{c.file}）</div>
                  ))}
                  {result.errors.map((e) => <div key={e.name} className="lz-error-text">{e.error}</div>)}
                </div>
              )}
              extra={<Button onClick={reset}>继续导入</Button>}
            />
          )}
        </Card>
      )}
    </div>
  );
}
