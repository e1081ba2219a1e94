// 廉情分析 → 廉政复函 (/replies; docs/replies.md): the tenant's 廉政审查情况复函 as a ledger. Officers start a request
// (征求意见单位, 来函文号, 事由, 回复日期, and the cadres pasted as names or ID numbers, one a line), review each cadre's
// draft and the facts that decide it, edit the text, issue it (文号; a category-7 record in each archive) and download
// the letter as Word; leaders read. The tenant's settings (文号 prefix, purposes a running influence period bars) live here.
// Across 机构 (docs/replies.md#parts): cadres of the 机构 below go into their parts; each answers its part here (答复),
// the asker sees every part's state, may return one (退回), and issues once all are answered.
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  Alert, App as AntApp, Button, Checkbox, DatePicker, Descriptions, Drawer, Empty, Form, Input, Modal, Popconfirm, Select, Space, Spin, Table,
  Tag, Tooltip, Typography, Upload,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, CheckCircleOutlined, DeleteOutlined, EditOutlined, FileExcelOutlined, FileTextOutlined, FileWordOutlined, FileZipOutlined, PlusOutlined, SearchOutlined, SendOutlined, SettingOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorText, gql } from '../../api/graphql';
import { invalidate, queryKey, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { downloadFile } from '../imports/api';
import { DocTemplateSection } from '../../components/DocTemplateSection';
import { useCategories } from '../archive/useCategories';
import { REPLY_MAX_CADRES, REPLY_PURPOSES, REPLY_PURPOSE_LABELS } from '@shared/replies';
import {
  AnswerReplyRequestDocument, RedraftReplyRequestDocument, ReturnReplyPartDocument, type ReplyPart,
  CONCLUSION_COLOURS, CreateReplyRequestDocument, DeleteReplyRequestDocument, IssueReplyRequestDocument, letterUrl, lettersZipUrl, lineCadreLabel, readRoster, reportsZipUrl, ReplyCadreSearchDocument, type SearchedCadre, ReplyCadreLinesDocument,
  ReplyRequestDocument, ReplyRequestsDocument, ReplySettingsDocument, UpdateReplyItemDocument, UpdateReplySettingsDocument,
  type LineMatch, type ReplyItem, type ReplyRequest, type ReplyRow, type ReplySettings,
} from './api';
import { JOB_DIRECT_MAX, JobsDocument, REPORT_JOB_MAX, StartReplyLettersDocument, StartReportBatchDocument, type JobRow } from '../jobs/api';
import { JobProgressModal } from '../jobs/JobProgress';

type Page = { totalCount: number; edges: { node: ReplyRow }[] };
const PURPOSE_OPTIONS = REPLY_PURPOSES.map((p) => ({ value: p, label: REPLY_PURPOSE_LABELS[p] }));
const todayText = () => dayjs().format('YYYY-MM-DD');
const STATUS_COLOURS: Record<string, string> = { draft: 'gold', answered: 'blue', issued: 'green' };
const dateTime = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '');

export function RepliesPage() {
  const { can } = useAuth();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const query = usePagedQuery<ReplyRow>(
    async (first, offset, signal) => (await gql<{ replyRequests: Page }>(ReplyRequestsDocument, { first, offset }, { signal })).replyRequests,
    queryKey(ReplyRequestsDocument, {}),
    { errorFallback: '复函台账加载失败' },
  );
  const columns: TableColumnsType<ReplyRow> = [
    {
      title: '复函文号', key: 'doc', width: 170,
      render: (_: unknown, r) => (
        <Button type="link" size="small" className="lz-link-left" onClick={() => setOpen(r.id)} data-testid="reply-open">
          {r.docNumber ?? `（${r.statusLabel}）`}
        </Button>
      ),
    },
    {
      title: '征求意见单位', key: 'requester', ellipsis: true,
      render: (_: unknown, r) => (
        <Space size={4}>
          {r.isPart && <Tooltip title={`${r.forwardedBy}转来，由本机构答复所管干部`}><Tag color="purple" data-testid="reply-forwarded">{r.forwardedBy}转来</Tag></Tooltip>}
          <span>{r.requester}</span>
        </Space>
      ),
    },
    { title: '来函文号', dataIndex: 'letterNo', width: 150, render: (v: string | null) => v ?? '—' },
    { title: '事由', dataIndex: 'purposeLabel', width: 90 },
    { title: '回复日期', dataIndex: 'asOf', width: 100 },
    {
      title: '人数', key: 'n', width: 170,
      render: (_: unknown, r) => (
        <Space size={4}>
          <span>{r.cadreCount} 人</span>
          {r.unsuitableCount > 0 && <Tag color="red">不宜 {r.unsuitableCount}</Tag>}
          {r.deferCount > 0 && <Tag color="orange">暂缓 {r.deferCount}</Tag>}
        </Space>
      ),
    },
    {
      title: '状态', key: 'status', width: 130,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOURS[r.status]} data-testid="reply-status">{r.statusLabel}</Tag>
          {r.status === 'draft' && r.openPartCount > 0 && (
            <Tooltip title="由下级机构答复的分件尚未全部答复"><Tag data-testid="reply-open-parts">待下级 {r.openPartCount}/{r.partCount}</Tag></Tooltip>
          )}
        </Space>
      ),
    },
    { title: '经办人', dataIndex: 'createdBy', width: 90 },
  ];
  return (
    <div className="lz-page" data-testid="replies-page">
      <PageHead title="廉政复函" desc="廉政审查情况复函：依据档案逐人起草结论和依据，审核修改后签发，并记入干部档案第七类" />
      <PagedTable<ReplyRow>
        query={query}
        className="lz-replies-table"
        testId="replies-table"
        rowTestId="replies-row"
        empty="暂无复函"
        total={(n) => `共 ${n} 件`}
        totalTestId="replies-total"
        scrollX={1000}
        columns={columns}
        toolbar={(
          <Space wrap>
            {can('ReplyRequest:create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="reply-new">新建复函</Button>
            )}
            {can('ReplyRequest:create') && <Button icon={<SettingOutlined />} onClick={() => setSettings(true)} data-testid="reply-settings">复函设置</Button>}
            <RefreshButton onClick={query.refresh} />
          </Space>
        )}
      />
      {creating && <NewReplyDrawer onClose={() => setCreating(false)} onCreated={(id) => { setCreating(false); query.refresh(); setOpen(id); }} />}
      {open && <ReplyDrawer id={open} onClose={() => { setOpen(null); query.refresh(); }} />}
      {settings && <SettingsModal onClose={() => setSettings(false)} />}
    </div>
  );
}

// ---------- New request ----------

/** A row of the list: a pasted line (key = the line) or a cadre added by search (key = its id). */
interface Picked { key: string; line: string; options: LineMatch['cadres']; chosen: string | null; searched?: boolean }

function NewReplyDrawer({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const purpose = Form.useWatch('purpose', form);
  const [pasted, setPasted] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [resolving, setResolving] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const resolve = async (text = pasted) => {
    const lines = [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
    if (!lines.length) { setError('请粘贴干部姓名或身份证号，每行一个'); return; }
    if (lines.length > REPLY_MAX_CADRES) { setError(`一次最多 ${REPLY_MAX_CADRES} 行`); return; }
    setResolving(true);
    setError(null);
    try {
      const r = await gql<{ replyCadreLines: LineMatch[] }>(ReplyCadreLinesDocument, { lines });
      // Lines already recognised keep their choice.
      const before = new Map(picked.map((p) => [p.key, p.chosen]));
      setPicked([
        ...picked.filter((p) => p.searched),
        ...r.replyCadreLines.map((m) => ({
          key: `line:${m.line}`, line: m.line, options: m.cadres, chosen: before.get(`line:${m.line}`) ?? (m.cadres.length === 1 ? m.cadres[0].id : null),
        })),
      ]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setResolving(false);
    }
  };
  // Picking one by one: the own 机构's cadres by name, pinyin or initials (the list's own search).
  const { me } = useAuth();
  const own = me?.tenant.name;
  const [found, setFound] = useState<SearchedCadre[]>([]);
  const [searching, setSearching] = useState(false);
  const search = async (text: string) => {
    if (!text.trim()) { setFound([]); return; }
    setSearching(true);
    try {
      // The 机构 and those below: a cadre of a 机构 below is answered there (its part).
      const r = await gql<{ cadres: { edges: { node: SearchedCadre }[] } }>(ReplyCadreSearchDocument, { search: text.trim(), tenantCode: null });
      setFound(r.cadres.edges.map((e) => e.node));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSearching(false);
    }
  };
  // An Excel roster: its lines join the pasted ones and are recognised at once.
  const [reading, setReading] = useState(false);
  const fromExcel = async (file: File) => {
    setReading(true);
    setError(null);
    try {
      const r = await readRoster(file);
      const text = [pasted.trim(), ...r.lines].filter(Boolean).join('\n');
      setPasted(text);
      if (r.problems.length) message.warning(`有 ${r.problems.length} 行未读取：${r.problems.slice(0, 3).join('；')}`);
      await resolve(text);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setReading(false);
    }
  };
  const unknown = picked.filter((p) => !p.options.length);
  const ambiguous = picked.filter((p) => p.options.length > 1 && !p.chosen);
  const ids = [...new Set(picked.map((p) => p.chosen).filter((x): x is string => !!x))];

  const submit = async () => {
    const v = await form.validateFields();
    if (!ids.length) { setError('请先识别干部名单'); return; }
    if (ambiguous.length) { setError(`有 ${ambiguous.length} 个重名，请选择对应的干部`); return; }
    setBusy(true);
    setError(null);
    try {
      const r = await gql<{ createReplyRequest: ReplyRequest }>(CreateReplyRequestDocument, {
        input: {
          requester: v.requester, letterNo: v.letterNo || null, purpose: v.purpose, purposeText: v.purpose === 'other' ? v.purposeText : null,
          asOf: v.asOf ? v.asOf.format('YYYY-MM-DD') : null, cadreIds: ids,
        },
      });
      message.success(`已起草复函：${r.createReplyRequest.cadreCount} 人`);
      void invalidate(ReplyRequestsDocument);
      onCreated(r.createReplyRequest.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open onClose={onClose} width={760} title="新建廉政审查情况复函" destroyOnHidden
      extra={<Button type="primary" icon={<CheckCircleOutlined />} loading={busy} onClick={submit} data-testid="reply-create">生成复函</Button>}>
      <Form form={form} layout="vertical" initialValues={{ purpose: 'selection', asOf: dayjs() }}>
        <Space size={16} align="start" wrap>
          <Form.Item name="requester" label="征求意见单位" rules={[{ required: true, message: '请填写征求意见单位' }]}>
            <Input maxLength={200} style={{ width: 300 }} placeholder="如 中共××区委组织部" data-testid="reply-requester" />
          </Form.Item>
          <Form.Item name="letterNo" label="来函文号"><Input maxLength={100} style={{ width: 220 }} data-testid="reply-letter" /></Form.Item>
        </Space>
        <Space size={16} align="start" wrap>
          <Form.Item name="purpose" label="征求事由" rules={[{ required: true }]}>
            <Select options={PURPOSE_OPTIONS} style={{ width: 160 }} data-testid="reply-purpose" />
          </Form.Item>
          {purpose === 'other' && (
            <Form.Item name="purposeText" label="事由" rules={[{ required: true, message: '请填写事由' }]}><Input maxLength={60} style={{ width: 200 }} /></Form.Item>
          )}
          <Form.Item name="asOf" label="回复日期" extra="依据该日的档案情况起草" rules={[{ required: true, message: '请选择回复日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="reply-asof" />
          </Form.Item>
        </Space>
      </Form>
      <Typography.Title level={5}>干部名单</Typography.Title>
      <Typography.Paragraph type="secondary">逐个查找添加，或粘贴姓名、18位身份证号，每行一个（最多 {REPLY_MAX_CADRES} 人），然后点「识别」；也可导入 Excel 名单（表头含「姓名」，可有「公民身份号码」）。重名的请逐一选择。</Typography.Paragraph>
      <Select
        showSearch
        className="lz-mb8"
        style={{ width: '100%' }}
        placeholder="逐个添加：输入姓名、全拼或首字母查找本机构及下级机构干部"
        filterOption={false}
        value={null}
        onSearch={search}
        notFoundContent={searching ? <Spin size="small" /> : null}
        popupRender={(menu) => <div data-testid="reply-cadre-search-popup">{menu}</div>}
        options={found.map((c) => ({ value: c.id, label: lineCadreLabel({ ...c, unitName: c.unit.name, tenantName: c.tenant.name }, own) }))}
        onSelect={(id: string | null) => {
          const c = found.find((x) => x.id === id);
          if (!c) return;
          setError(null);
          setPicked((all) => (all.some((p) => p.chosen === c.id) ? all
            : [...all, { key: `id:${c.id}`, line: c.name, options: [{ ...c, unitName: c.unit.name, tenantName: c.tenant.name }], chosen: c.id, searched: true }]));
        }}
        data-testid="reply-cadre-search"
      />
      <Input.TextArea rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder={'张三\n李四\n530102198001011234'} data-testid="reply-paste" />
      <Space className="lz-mt8">
        <Button icon={<SearchOutlined />} loading={resolving} onClick={() => resolve()} data-testid="reply-resolve">识别</Button>
        <Upload accept=".xlsx" showUploadList={false} beforeUpload={(file) => { void fromExcel(file); return false; }}>
          <Button icon={<FileExcelOutlined />} loading={reading} data-testid="reply-excel">导入 Excel 名单</Button>
        </Upload>
        {picked.length > 0 && <span data-testid="reply-picked">已识别 {ids.length} 人{unknown.length ? `，未找到 ${unknown.length} 行` : ''}{ambiguous.length ? `，重名待选 ${ambiguous.length} 行` : ''}</span>}
      </Space>
      {error && <Alert type="error" showIcon className="lz-mt8" message={error} data-testid="reply-error" />}
      {picked.length > 0 && (
        <Table<Picked>
          className="lz-mt8"
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={picked}
          data-testid="reply-lines"
          columns={[
            { title: '粘贴内容', key: 'line', width: 200, render: (_: unknown, p) => (p.searched ? <span className="lz-muted">（查找添加）</span> : p.line) },
            {
              title: '对应干部', key: 'cadre',
              render: (_: unknown, p) => {
                if (!p.options.length) return <Tag color="red">本机构及下级机构查无此人</Tag>;
                if (p.options.length === 1) return lineCadreLabel(p.options[0], own);
                return (
                  <Select
                    style={{ width: 360 }} placeholder={`重名 ${p.options.length} 人，请选择`} value={p.chosen ?? undefined} data-testid="reply-choose"
                    onChange={(v: string) => { setError(null); setPicked((all) => all.map((x) => (x.key === p.key ? { ...x, chosen: v } : x))); }}
                    options={p.options.map((o) => ({ value: o.id, label: lineCadreLabel(o, own) }))}
                  />
                );
              },
            },
            {
              title: '', key: 'x', width: 60,
              render: (_: unknown, p) => <Button type="link" size="small" onClick={() => { setError(null); setPicked((all) => all.filter((x) => x.key !== p.key)); }}>移除</Button>,
            },
          ]}
        />
      )}
    </Drawer>
  );
}

// ---------- One request ----------

function Facts({ item }: { item: ReplyItem }) {
  if (!item.facts.length) return <span className="lz-muted">档案中无相关记录</span>;
  return (
    <ul className="lz-reply-facts">
      {item.facts.map((f) => (
        <li key={f.recordId} className={f.decisive ? 'lz-reply-fact-decisive' : undefined}>
          {f.decisive && <Tag color={f.effect === 'defers' ? 'orange' : 'red'}>{f.effect === 'defers' ? '暂缓依据' : '不宜依据'}</Tag>}
          {f.text}
        </li>
      ))}
    </ul>
  );
}

function ReplyDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { can } = useAuth();
  const { message, modal } = AntApp.useApp();
  const q = useGqlQuery<{ replyRequest: ReplyRequest | null }, { id: string }>(ReplyRequestDocument, { id });
  const r = q.data?.replyRequest;
  const [editing, setEditing] = useState<ReplyItem | null>(null);
  const [returning, setReturning] = useState<ReplyPart | null>(null);
  const [busy, setBusy] = useState(false);
  // Above JOB_DIRECT_MAX cadres a batch runs as a job (docs/jobs.md), followed in a progress modal.
  const [job, setJob] = useState<{ job: JobRow; title: string } | null>(null);
  const startJob = async (title: string, start: () => Promise<JobRow>) => {
    try {
      setJob({ job: await start(), title });
      void invalidate(JobsDocument);
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const reports = (x: ReplyRequest) => (x.items.length > JOB_DIRECT_MAX
    ? startJob('批量生成廉情评价报告', async () => (await gql<{ startReportBatch: JobRow }>(StartReportBatchDocument, {
      cadreIds: x.items.map((i) => i.cadre.id), asOf: x.asOf,
    })).startReportBatch)
    : downloadFile(reportsZipUrl(x.items.map((i) => i.cadre.id), x.asOf), '廉情评价报告.zip').catch((e) => message.error(errorText(e))));
  const letters = (x: ReplyRequest) => (x.items.length > JOB_DIRECT_MAX
    ? startJob('生成逐人复函', async () => (await gql<{ startReplyLetters: JobRow }>(StartReplyLettersDocument, { requestId: id })).startReplyLetters)
    : downloadFile(lettersZipUrl(id), `${x.docNumber ?? '复函草稿'}-逐人复函.zip`).catch((e) => message.error(errorText(e))));
  const draft = r?.status === 'draft';
  const mayEdit = draft && can('ReplyRequest:create');
  const isPart = !!r?.isPart;

  // A 机构 below answers its part; the asker issues the whole.
  const answer = () => modal.confirm({
    title: `答复${r?.forwardedBy ?? '上级机构'}？`,
    content: `答复后本机构 ${r?.cadreCount ?? 0} 名干部的结论和文字交${r?.forwardedBy ?? '上级机构'}汇总签发，不能再修改（除非被退回）。`,
    okText: '答复', cancelText: '取消',
    okButtonProps: { 'data-testid': 'confirm-ok' } as Record<string, string>,
    onOk: async () => {
      try {
        await gql(AnswerReplyRequestDocument, { id, version: r?.version });
        message.success(`已答复${r?.forwardedBy ?? ''}`);
        void invalidate(ReplyRequestsDocument, ReplyRequestDocument);
      } catch (e) {
        message.error(errorText(e));
      }
    },
  });

  const issue = () => modal.confirm({
    title: '签发复函？',
    content: `签发后编发文号，并在 ${r?.cadreCount ?? 0} 名干部的档案第七类记入本复函，不能再修改。`,
    okText: '签发', cancelText: '取消',
    okButtonProps: { 'data-testid': 'confirm-ok' } as Record<string, string>,
    onOk: async () => {
      try {
        const x = await gql<{ issueReplyRequest: ReplyRequest }>(IssueReplyRequestDocument, { id, version: r?.version });
        message.success(`已签发：${x.issueReplyRequest.docNumber}`);
        void invalidate(ReplyRequestsDocument, ReplyRequestDocument);
      } catch (e) {
        message.error(errorText(e));
      }
    },
  });
  // The archive as it stands, as of the same reply date; edited texts stay.
  const redraft = async () => {
    setBusy(true);
    try {
      const x = await gql<{ redraftReplyRequest: ReplyRequest }>(RedraftReplyRequestDocument, { id, version: r?.version });
      message.success(`已重新起草：不宜 ${x.redraftReplyRequest.unsuitableCount} 人，暂缓 ${x.redraftReplyRequest.deferCount} 人`);
      void invalidate(ReplyRequestsDocument, ReplyRequestDocument);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await gql(DeleteReplyRequestDocument, { id });
      message.success('已删除复函草稿');
      void invalidate(ReplyRequestsDocument);
      onClose();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<ReplyItem> = [
    { title: '序号', key: 'n', width: 56, align: 'center', render: (_: unknown, _i, n) => n + 1 },
    { title: '姓名', key: 'name', width: 90, render: (_: unknown, i) => <Link to={`/cadres/${i.cadre.id}`}>{i.cadre.name}</Link> },
    {
      title: '单位及职务', key: 'unit', width: 200,
      render: (_: unknown, i) => (
        <>
          {i.partId && <Tag color="purple" data-testid="reply-item-tenant">{i.tenantName}答复</Tag>}
          {`${i.cadre.unitName}${i.cadre.position ?? ''}`}
        </>
      ),
    },
    {
      title: '回复意见', key: 'conclusion', width: 170,
      render: (_: unknown, i) => <Tag color={CONCLUSION_COLOURS[i.conclusion]} data-testid="reply-conclusion">{i.conclusionLabel}</Tag>,
    },
    { title: '依据', key: 'facts', render: (_: unknown, i) => <Facts item={i} /> },
    {
      title: '操作', key: 'ops', width: 110,
      render: (_: unknown, i) => (
        <Space size={0} direction="vertical">
          {i.editedText && <Tag color="blue">已修改</Tag>}
          {mayEdit && i.editable && <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(i)} data-testid="reply-edit">修改文字</Button>}
        </Space>
      ),
    },
  ];

  return (
    <Drawer open onClose={onClose} width={1080} destroyOnHidden data-testid="reply-drawer"
      title={r ? `${r.docNumber ?? `复函（${r.statusLabel}）`} · ${r.requester}${r.isPart ? `（${r.forwardedBy}转来）` : ''}` : '复函'}
      extra={r && (
        <Space>
          <Button icon={<FileWordOutlined />} data-testid="reply-docx"
            onClick={() => downloadFile(letterUrl(id), `${r.docNumber ?? '复函草稿'}.docx`).catch((e) => message.error(errorText(e)))}>下载 Word</Button>
          {can('Warning:read') && (
            <Tooltip title={r.items.length > REPORT_JOB_MAX ? `一次最多 ${REPORT_JOB_MAX} 人`
              : `本复函各干部截至回复日期的廉情评价报告${r.items.length > JOB_DIRECT_MAX ? '（人数较多，在后台生成）' : ''}`}>
              <Button icon={<FileTextOutlined />} data-testid="reply-reports" disabled={r.items.length > REPORT_JOB_MAX}
                onClick={() => void reports(r)}>廉情报告</Button>
            </Tooltip>
          )}
          <Button icon={<FileZipOutlined />} data-testid="reply-zip" onClick={() => void letters(r)}>逐人下载</Button>
          {mayEdit && (
            <Popconfirm title="依据当前档案重新起草？" description="按原回复日期重新起草本机构干部的结论和依据，已修改的文字保留。"
              okText="重新起草" cancelText="取消" onConfirm={redraft} okButtonProps={{ 'data-testid': 'reply-redraft-ok' } as Record<string, string>}>
              <Button icon={<ReloadOutlined />} loading={busy} data-testid="reply-redraft">重新起草</Button>
            </Popconfirm>
          )}
          {mayEdit && !isPart && (
            <Popconfirm title="删除这份复函草稿？" okText="删除" cancelText="取消" onConfirm={remove}>
              <Button danger icon={<DeleteOutlined />} loading={busy} data-testid="reply-delete">删除草稿</Button>
            </Popconfirm>
          )}
          {draft && !isPart && can('ReplyRequest:issue') && (
            <Tooltip title={r.openPartCount ? `尚有 ${r.openPartCount} 个下级机构未答复` : undefined}>
              <Button type="primary" icon={<SendOutlined />} onClick={issue} disabled={r.openPartCount > 0} data-testid="reply-issue">签发</Button>
            </Tooltip>
          )}
          {draft && isPart && can('ReplyRequest:issue') && (
            <Button type="primary" icon={<SendOutlined />} onClick={answer} data-testid="reply-answer">答复</Button>
          )}
        </Space>
      )}>
      {q.isPending ? <Spin className="lz-center-pad" /> : !r ? <Empty description="复函不存在或不在您的管理范围内" /> : (
        <>
          <Descriptions size="small" column={3} bordered className="lz-mb16" data-testid="reply-head">
            <Descriptions.Item label="征求意见单位">{r.requester}</Descriptions.Item>
            <Descriptions.Item label="来函文号">{r.letterNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="征求事由">{r.purposeLabel}</Descriptions.Item>
            <Descriptions.Item label="回复日期">{r.asOf}</Descriptions.Item>
            <Descriptions.Item label="复函文号"><span data-testid="reply-docnumber">{r.docNumber ?? (r.isPart ? '上级机构签发时编号' : '签发时编号')}</span></Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLOURS[r.status]} data-testid="reply-head-status">{r.statusLabel}</Tag>
              {r.issuedBy ? `${r.issuedBy} 签发` : r.answeredBy ? `${r.answeredBy} ${dateTime(r.answeredAt)} 答复` : ''}
            </Descriptions.Item>
            {isPart && <Descriptions.Item label="转来机构" span={3}>{r.forwardedBy}（本机构答复所管的 {r.cadreCount} 名干部，由{r.forwardedBy}汇总签发）</Descriptions.Item>}
          </Descriptions>
          {isPart && draft && r.returnedReason && (
            <Alert type="warning" showIcon className="lz-mb16" data-testid="reply-returned"
              message={`${r.forwardedBy}退回：${r.returnedReason}`} description={`${r.returnedBy ?? ''}，请修改后重新答复`} />
          )}
          {r.parts.length > 0 && (
            <PartsTable request={r} onReturn={can('ReplyRequest:issue') && draft ? setReturning : undefined} />
          )}
          <Table<ReplyItem>
            size="small"
            rowKey={(i) => i.cadre.id}
            dataSource={r.items}
            columns={columns}
            pagination={r.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            data-testid="reply-items"
            onRow={() => ({ 'data-testid': 'reply-item' }) as React.HTMLAttributes<HTMLElement>}
            expandable={{ expandedRowRender: (i) => <Typography.Paragraph className="lz-reply-text">{i.text}</Typography.Paragraph> }}
          />
        </>
      )}
      {returning && r && (
        <ReturnPartModal part={returning} onClose={() => setReturning(null)} onDone={() => { setReturning(null); void invalidate(ReplyRequestsDocument, ReplyRequestDocument); }} />
      )}
      {job && <JobProgressModal job={job.job} title={job.title} onClose={() => setJob(null)} />}
      {editing && r && (
        <EditTextModal request={r} item={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); void q.refetch(); }} />
      )}
    </Drawer>
  );
}

/** The parts of a request: which 机构 below answer which cadres, and where each stands. */
function PartsTable({ request, onReturn }: { request: ReplyRequest; onReturn?: (p: ReplyPart) => void }) {
  return (
    <>
      <Typography.Title level={5}>下级机构答复情况（{request.partCount - request.openPartCount}/{request.partCount} 已答复）</Typography.Title>
      <Table<ReplyPart>
        size="small" className="lz-mb16" rowKey="id" pagination={false} dataSource={request.parts} data-testid="reply-parts"
        onRow={() => ({ 'data-testid': 'reply-part' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '答复机构', dataIndex: 'tenantName' },
          {
            title: '人数', key: 'n', width: 170,
            render: (_: unknown, p) => (
              <Space size={4}>
                <span>{p.cadreCount} 人</span>
                {p.unsuitableCount > 0 && <Tag color="red">不宜 {p.unsuitableCount}</Tag>}
                {p.deferCount > 0 && <Tag color="orange">暂缓 {p.deferCount}</Tag>}
              </Space>
            ),
          },
          { title: '状态', key: 'status', width: 90, render: (_: unknown, p) => <Tag color={STATUS_COLOURS[p.status]} data-testid="reply-part-status">{p.statusLabel}</Tag> },
          {
            title: '答复', key: 'answered', width: 220,
            render: (_: unknown, p) => (p.answeredBy ? `${p.answeredBy} ${dateTime(p.answeredAt)}`
              : p.returnedReason ? <span className="lz-muted">已退回：{p.returnedReason}</span> : <span className="lz-muted">—</span>),
          },
          {
            title: '操作', key: 'ops', width: 80,
            render: (_: unknown, p) => (onReturn && p.status === 'answered'
              ? <Button type="link" size="small" onClick={() => onReturn(p)} data-testid="reply-part-return">退回</Button> : null),
          },
        ]}
      />
    </>
  );
}

function ReturnPartModal({ part, onClose, onDone }: { part: ReplyPart; onClose(): void; onDone(): void }) {
  const { message } = AntApp.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) { message.error('请填写退回理由'); return; }
    setBusy(true);
    try {
      await gql(ReturnReplyPartDocument, { id: part.id, reason: reason.trim() });
      message.success(`已退回${part.tenantName}`);
      onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`退回${part.tenantName}的答复`} onCancel={onClose} onOk={submit} confirmLoading={busy} okText="退回" cancelText="取消"
      okButtonProps={{ 'data-testid': 'reply-return-ok' } as Record<string, string>}>
      <Input.TextArea rows={4} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回理由，如：请补充线索办理进展" data-testid="reply-return-reason" />
    </Modal>
  );
}

function EditTextModal({ request, item, onClose, onSaved }: { request: ReplyRequest; item: ReplyItem; onClose(): void; onSaved(): void }) {
  const { message } = AntApp.useApp();
  const [text, setText] = useState(item.text);
  const [busy, setBusy] = useState(false);
  const save = async (value: string | null) => {
    setBusy(true);
    try {
      await gql(UpdateReplyItemDocument, { requestId: request.id, cadreId: item.cadre.id, text: value, version: request.version });
      message.success(value ? `已修改：${item.cadre.name}` : `已恢复系统起草的文字：${item.cadre.name}`);
      onSaved();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open onCancel={onClose} width={760} title={`修改复函文字：${item.cadre.name}`} destroyOnHidden
      footer={(
        <Space>
          {item.editedText && <Button onClick={() => save(null)} loading={busy}>恢复起草文字</Button>}
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => save(text.trim() || null)} data-testid="reply-text-save">保存</Button>
        </Space>
      )}>
      <Typography.Text type="secondary">系统起草的文字（保留备查）：</Typography.Text>
      <Typography.Paragraph className="lz-reply-text lz-muted">{item.draft}</Typography.Paragraph>
      <Input.TextArea rows={8} maxLength={4000} showCount value={text} onChange={(e) => setText(e.target.value)} data-testid="reply-text" />
    </Modal>
  );
}

// ---------- Settings ----------

function SettingsModal({ onClose }: { onClose(): void }) {
  const { message } = AntApp.useApp();
  const q = useGqlQuery<{ replySettings: ReplySettings }, undefined>(ReplySettingsDocument);
  const s = q.data?.replySettings;
  const { categories } = useCategories();
  const measures = (categories?.find((c) => c.id === 10)?.fields.find((f) => f.name === 'measure')?.options ?? []) as string[];
  const [prefix, setPrefix] = useState<string | null>(null);
  const [barred, setBarred] = useState<string[] | null>(null);
  const [rules, setRules] = useState<{ measure: string; purposes: string[] }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const year = useMemo(() => todayText().slice(0, 4), []);
  const shownRules = rules ?? (s?.measureRules ?? []).map((r) => ({ measure: r.measureLabel, purposes: r.purposes }));
  const setRule = (i: number, patch: Partial<{ measure: string; purposes: string[] }>) =>
    setRules(shownRules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    if (shownRules.some((r) => !r.measure)) { message.error('请选择例外的处理（处分）种类'); return; }
    setBusy(true);
    try {
      await gql(UpdateReplySettingsDocument, {
        numberPrefix: prefix ?? (s?.ownPrefix ? s.numberPrefix : ''),
        barredPurposes: barred ?? (s?.ownBarred ? s.barredPurposes : null),
        measureRules: shownRules,
      });
      message.success('复函设置已保存');
      void invalidate(ReplySettingsDocument);
      onClose();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open onCancel={onClose} width={720} title="复函设置" okText="保存" cancelText="取消" onOk={save} confirmLoading={busy} destroyOnHidden
      okButtonProps={{ 'data-testid': 'reply-settings-save' } as Record<string, string>}>
      {!s ? <Spin /> : (
        <Form layout="vertical">
          <Form.Item label="文号前缀" extra={`文号如 ${(prefix ?? s.numberPrefix) || s.numberPrefix}〔${year}〕1号；留空为默认`}>
            <Input maxLength={12} value={prefix ?? (s.ownPrefix ? s.numberPrefix : '')} placeholder={s.numberPrefix} onChange={(e) => setPrefix(e.target.value)} data-testid="reply-prefix" />
          </Form.Item>
          <Form.Item label="处于影响期内的处理处分对以下事由「不宜」" extra="其他事由只列明记录，不据以得出「不宜」结论">
            <Checkbox.Group options={PURPOSE_OPTIONS} value={barred ?? s.barredPurposes} onChange={(v) => setBarred(v as string[])} />
          </Form.Item>
          <Form.Item label="按处理（处分）种类的例外" extra="某种处理处分影响期内「不宜」的事由与上面不同时在此设置，例如诫勉只对选拔任用「不宜」">
            <Space direction="vertical" style={{ width: '100%' }}>
              {shownRules.map((r, i) => (
                <Space key={i} wrap data-testid="reply-measure-rule">
                  <Select
                    style={{ width: 160 }} placeholder="处理（处分）种类" value={r.measure || undefined} showSearch
                    options={measures.map((m) => ({ value: m, label: m }))} onChange={(v: string) => setRule(i, { measure: v })}
                  />
                  <Checkbox.Group options={PURPOSE_OPTIONS} value={r.purposes} onChange={(v) => setRule(i, { purposes: v as string[] })} />
                  <Button type="link" size="small" danger onClick={() => setRules(shownRules.filter((_x, j) => j !== i))}>删除</Button>
                </Space>
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => setRules([...shownRules, { measure: '', purposes: [] }])} data-testid="reply-measure-add">添加例外</Button>
            </Space>
          </Form.Item>
        </Form>
      )}
      <Typography.Title level={5}>Word 模板</Typography.Title>
      <DocTemplateSection kinds={['reply', 'reply-cadre', 'report']} />
    </Modal>
  );
}
