// 一案一卷: one disposition as a file — the warning snapshot (not for fillers), the notice, every rectification round
// with its attachments and review, and the steps the user may take now: download the notice, submit a rectification
// (the unit's filler, or an officer), review it, close the case.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Radio, Space, Spin, Tag, Timeline, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { CheckOutlined, FileWordOutlined, PaperClipOutlined, RollbackOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorText, gql } from '../../api/graphql';
import { invalidate, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { downloadFile } from '../imports/api';
import {
  attachmentUrl, CadreDispositionsDocument, CloseDispositionDocument, DispositionCaseDocument, DispositionLedgerDocument, LEVEL_HEX, noticeUrl,
  RectificationTasksDocument, ReviewRectificationDocument, STATUS_COLOURS, SubmitRectificationDocument, uploadAttachment,
  type Disposition, type DispositionAttachment,
} from './api';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES } from '@shared/dispositions';

const LISTS = [DispositionLedgerDocument, RectificationTasksDocument, CadreDispositionsDocument, DispositionCaseDocument];

export function StatusTag({ d }: { d: { status: string; statusLabel: string; overdue?: boolean } }) {
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOURS[d.status]} data-testid="disposition-status">{d.statusLabel}</Tag>
      {d.overdue && <Tag color="red">已逾期</Tag>}
    </Space>
  );
}

function Files({ id, files }: { id: string; files: DispositionAttachment[] }) {
  const { message } = AntApp.useApp();
  if (!files.length) return null;
  return (
    <Space direction="vertical" size={2}>
      {files.map((f) => (
        <Button key={f.id} type="link" size="small" icon={<PaperClipOutlined />} className="lz-link-left" data-testid="attachment-link"
          onClick={() => downloadFile(attachmentUrl(id, f.id), f.filename).catch((e) => message.error(errorText(e)))}>
          {f.filename}（{f.size < 1024 * 1024 ? `${Math.max(1, Math.round(f.size / 1024))} KB` : `${(f.size / 1048576).toFixed(1)} MB`}）
        </Button>
      ))}
    </Space>
  );
}

function SubmitModal({ d, onClose, onDone }: { d: Disposition; onClose(): void; onDone(x: Disposition): void }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<(UploadFile & { attachmentId?: string })[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const uploading = files.some((f) => f.status === 'uploading');
  const submit = async () => {
    if (!text.trim()) { setError('请填写整改情况'); return; }
    setBusy(true);
    setError(null);
    try {
      const ids = files.filter((f) => f.status === 'done' && f.attachmentId).map((f) => f.attachmentId!);
      const r = await gql<{ submitRectification: Disposition }>(SubmitRectificationDocument, { id: d.id, text: text.trim(), attachmentIds: ids });
      void invalidate(...LISTS);
      onDone(r.submitRectification);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`提交整改情况 · ${d.docNumber}`} onCancel={onClose} width={640} destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="s" type="primary" icon={<SendOutlined />} loading={busy} disabled={uploading} onClick={submit} data-testid="rectification-submit">提交</Button>,
      ]}>
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" data-testid="rectification-error" />}
      <Form layout="vertical">
        <Form.Item label="整改情况" required>
          <Input.TextArea rows={6} maxLength={4000} showCount value={text} onChange={(e) => setText(e.target.value)}
            placeholder="写明对照整改要求逐项落实的情况、取得的成效和长效机制" data-testid="rectification-text" />
        </Form.Item>
        <Form.Item label="佐证材料" extra={`PDF、图片、Word、Excel、OFD 或文本，单个不超过 ${ATTACHMENT_MAX_BYTES / 1048576} MB`}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            fileList={files}
            multiple
            data-testid="rectification-upload"
            onRemove={(f) => { setFiles((l) => l.filter((x) => x.uid !== f.uid)); }}
            customRequest={async (opt) => {
              const file = opt.file as File;
              try {
                const a = await uploadAttachment(d.id, file);
                setFiles((l) => l.map((x) => (x.uid === (file as unknown as UploadFile).uid ? { ...x, status: 'done', attachmentId: a.id } : x)));
                opt.onSuccess?.(a);
              } catch (e) {
                setFiles((l) => l.map((x) => (x.uid === (file as unknown as UploadFile).uid ? { ...x, status: 'error', response: errorText(e) } : x)));
                setError(errorText(e));
              }
            }}
            onChange={({ fileList }) => setFiles((l) => fileList.map((f) => ({ ...f, attachmentId: l.find((x) => x.uid === f.uid)?.attachmentId, status: l.find((x) => x.uid === f.uid)?.status ?? f.status })))}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReviewModal({ d, onClose, onDone }: { d: Disposition; onClose(): void; onDone(x: Disposition): void }) {
  const [decision, setDecision] = useState<'通过' | '退回'>('通过');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await gql<{ reviewRectification: Disposition }>(ReviewRectificationDocument, { id: d.id, decision, comment: comment.trim() || null });
      void invalidate(...LISTS);
      onDone(r.reviewRectification);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`审核整改情况 · ${d.docNumber}`} onCancel={onClose} destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="s" type="primary" loading={busy} onClick={submit} data-testid="review-confirm">确定</Button>,
      ]}>
      {error && <Alert type="error" showIcon title={error} className="lz-form-alert" />}
      <Form layout="vertical">
        <Form.Item label="审核结论" required>
          <Radio.Group value={decision} onChange={(e) => setDecision(e.target.value)} data-testid="review-decision">
            <Radio value="通过">通过（整改到位）</Radio>
            <Radio value="退回">退回（须写明意见）</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label="审核意见" required={decision === '退回'}>
          <Input.TextArea rows={4} maxLength={1000} showCount value={comment} onChange={(e) => setComment(e.target.value)} data-testid="review-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CaseDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { can } = useAuth();
  const { message, modal } = AntApp.useApp();
  const query = useGqlQuery<{ disposition: Disposition | null }, { id: string }>(DispositionCaseDocument, { id });
  const d = query.data?.disposition ?? null;
  const [step, setStep] = useState<'submit' | 'review' | null>(null);
  const done = (text: string) => { setStep(null); message.success(text); void query.refetch(); };
  const canExport = can('Disposition:export');
  const canRectify = can('Disposition:rectify');
  const canReview = can('Disposition:review');

  const close = () => modal.confirm({
    title: '确认结案？', content: '结案后该处置归档，不能再修改。', okText: '结案', cancelText: '取消',
    onOk: async () => {
      try {
        await gql(CloseDispositionDocument, { id, note: null });
        void invalidate(...LISTS);
        done('已结案');
      } catch (e) {
        message.error(errorText(e));
      }
    },
  });

  return (
    <Drawer open onClose={onClose} width={760} title={d ? `${d.title} · ${d.docNumber}` : '预警处置'} destroyOnHidden data-testid="case-drawer"
      extra={d && (
        <Space>
          {canExport && (
            <Button icon={<FileWordOutlined />} data-testid="case-docx"
              onClick={() => downloadFile(noticeUrl(d.id), `${d.docNumber}.docx`).catch((e) => message.error(errorText(e)))}>下载通知书</Button>
          )}
          {canRectify && (d.status === 'pending' || d.status === 'returned') && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setStep('submit')} data-testid="case-submit">提交整改情况</Button>
          )}
          {canReview && d.status === 'submitted' && (
            <Button type="primary" icon={<CheckOutlined />} onClick={() => setStep('review')} data-testid="case-review">审核</Button>
          )}
          {canReview && d.status === 'accepted' && (
            <Button icon={<RollbackOutlined />} onClick={close} data-testid="case-close">结案</Button>
          )}
        </Space>
      )}>
      {query.error && <Alert type="error" showIcon title={errorText(query.error)} />}
      {!d ? (query.isFetching ? <Spin /> : !query.error && <Empty description="处置不存在或不在可见范围内" />) : (
        <div className="lz-case" data-testid="case-view">
          <Descriptions size="small" bordered column={2} title="处置通知">
            <Descriptions.Item label="文号"><span data-testid="case-number">{d.docNumber}</span></Descriptions.Item>
            <Descriptions.Item label="状态"><StatusTag d={d} /></Descriptions.Item>
            <Descriptions.Item label="干部">{d.cadre.name}</Descriptions.Item>
            <Descriptions.Item label="单位">{d.cadre.unitName}（{d.cadre.tenantName}）</Descriptions.Item>
            <Descriptions.Item label="处置方式">{d.title}</Descriptions.Item>
            <Descriptions.Item label="发文机关">{d.issuer}</Descriptions.Item>
            <Descriptions.Item label="发文日期">{d.issuedOn}（{d.issuedBy}）</Descriptions.Item>
            <Descriptions.Item label="整改期限">{d.dueOn}（{d.rectifyWorkingDays} 个工作日）</Descriptions.Item>
            {d.acceptedOn && <Descriptions.Item label="通过日期">{d.acceptedOn}</Descriptions.Item>}
            {d.closedAt && <Descriptions.Item label="结案">{dayjs(d.closedAt).format('YYYY-MM-DD')}（{d.closedBy}）</Descriptions.Item>}
          </Descriptions>

          {d.warning && (
            <div className="lz-case-section" data-testid="case-warning">
              <Typography.Title level={5}>预警情形（发文时快照，{d.warning.asOf}）</Typography.Title>
              <Space wrap>
                <Tag color={d.warning.colourHex ?? LEVEL_HEX[d.warning.colour]}>{d.warning.colourName}</Tag>
                {d.warning.rules.map((r) => <Tag key={r.code}>{r.name}（{r.code} 第 {r.version} 版）</Tag>)}
              </Space>
              <ul className="lz-case-reasons">{d.warning.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
            </div>
          )}

          <div className="lz-case-section">
            <Typography.Title level={5}>通知书正文</Typography.Title>
            <Typography.Paragraph className="lz-case-text" data-testid="case-body">{d.body}</Typography.Paragraph>
            <Typography.Title level={5}>整改要求</Typography.Title>
            <Typography.Paragraph className="lz-case-text">{d.requirements}</Typography.Paragraph>
          </div>

          <div className="lz-case-section">
            <Typography.Title level={5}>整改与审核</Typography.Title>
            {d.rectifications.length ? (
              <Timeline
                data-testid="case-rounds"
                items={d.rectifications.flatMap((r) => [
                  {
                    color: 'blue',
                    children: (
                      <div data-testid="case-round">
                        <div><b>第 {r.round} 轮整改情况</b>　{r.submittedBy} · {dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm')}</div>
                        <div className="lz-case-text">{r.text}</div>
                        <Files id={d.id} files={r.attachments} />
                      </div>
                    ),
                  },
                  ...(r.decision ? [{
                    color: r.decision === 'accepted' ? 'green' : 'red',
                    children: (
                      <div data-testid="case-review-result">
                        <b>审核{r.decisionLabel}</b>　{r.reviewedBy} · {r.reviewedAt ? dayjs(r.reviewedAt).format('YYYY-MM-DD HH:mm') : ''}
                        {r.comment && <div className="lz-case-text">{r.comment}</div>}
                      </div>
                    ),
                  }] : [{ color: 'gray', children: <span className="lz-muted">待审核</span> }]),
                ])}
              />
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交整改情况" />}
          </div>
        </div>
      )}
      {d && step === 'submit' && <SubmitModal d={d} onClose={() => setStep(null)} onDone={() => done('整改情况已提交，待纪检干部审核')} />}
      {d && step === 'review' && <ReviewModal d={d} onClose={() => setStep(null)} onDone={(x) => done(x.status === 'accepted' ? '整改已通过' : '已退回')} />}
    </Drawer>
  );
}
