// 工作日历: the national holiday arrangement (法定节假日放假 and 调休上班) that overdue warnings count working days by
// (docs/work-calendar.md). A year at a time as twelve month grids; the covered years and a notice for a year not
// entered. The root tenant's 系统管理员 clicks a day to make it a holiday, a 调休 working day, or clear it.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { errorText } from '../../api/graphql';
import { mutate, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { graphql } from '../../gql';
import type { WorkCalendarYearQuery } from '../../gql/graphql';

const WorkCalendarYearDocument = graphql(`
  query WorkCalendarYear($year: Int!) {
    workCalendar(year: $year) { year covered notice days { date working kind name source updatedByName } }
    workCalendarCoverage { from to years }
  }
`);
const SetWorkDayDocument = graphql(`
  mutation SetWorkDay($date: String!, $working: Boolean!, $name: String) {
    setWorkDay(date: $date, working: $working, name: $name) { date working kind name }
  }
`);
const ClearWorkDayDocument = graphql(`mutation ClearWorkDay($date: String!) { clearWorkDay(date: $date) }`);

type Day = WorkCalendarYearQuery['workCalendar']['days'][number];

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** 0 = Monday … 6 = Sunday. */
const mondayIndex = (y: number, m: number, d: number) => (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const WEEKDAY_NAMES = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

interface EditState { date: string; weekend: boolean; current: Day | null }

function MonthGrid({ year, month, byDate, today, onPick }: {
  year: number; month: number; byDate: Map<string, Day>; today: string; onPick?: (date: string) => void;
}) {
  const first = mondayIndex(year, month, 1);
  const cells: (number | null)[] = [...Array(first).fill(null), ...Array.from({ length: daysIn(year, month) }, (_x, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return (
    <div className="lz-wc-month" data-testid={`wc-month-${month}`}>
      <div className="lz-wc-month-title">{month} 月</div>
      <div className="lz-wc-grid">
        {WEEK_HEAD.map((w, i) => <div key={w} className={`lz-wc-head${i >= 5 ? ' lz-wc-weekend-head' : ''}`}>{w}</div>)}
        {cells.map((d, i) => {
          if (d === null) return <div key={`e${i}`} className="lz-wc-cell lz-wc-empty" />;
          const date = ymd(year, month, d);
          const arranged = byDate.get(date);
          const weekend = i % 7 >= 5;
          const cls = ['lz-wc-cell'];
          if (arranged) cls.push(arranged.working ? 'lz-wc-work' : 'lz-wc-off');
          else if (weekend) cls.push('lz-wc-weekend');
          if (date === today) cls.push('lz-wc-today');
          if (onPick) cls.push('lz-wc-clickable');
          const tip = arranged ? `${date} ${arranged.name}（${arranged.kind}）` : `${date} ${WEEKDAY_NAMES[i % 7]}${weekend ? '，休息' : '，工作日'}`;
          return (
            <Tooltip key={date} title={tip} mouseEnterDelay={0.3}>
              <div
                className={cls.join(' ')}
                data-testid={`wc-day-${date}`}
                data-kind={arranged ? arranged.kind : weekend ? '周末' : '工作日'}
                onClick={onPick ? () => onPick(date) : undefined}
                role={onPick ? 'button' : undefined}
              >
                <span className="lz-wc-num">{d}</span>
                {arranged && <span className="lz-wc-badge">{arranged.working ? '班' : '休'}</span>}
              </div>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}

export function WorkCalendarPage() {
  const { message } = AntApp.useApp();
  const { can } = useAuth();
  const editable = can('WorkCalendar:update');
  const thisYear = new Date().getFullYear();
  // The year shown is in the address (/work-calendar?year=2027), this year by default.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1949 && asked <= 2100 ? asked : thisYear;
  const setYear = (next: number | ((y: number) => number)) => {
    const y = typeof next === 'function' ? next(year) : next;
    setParams({ year: String(y) }, { replace: true });
  };
  const [edit, setEdit] = useState<EditState | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ mode: 'off' | 'working' | 'clear'; name: string }>();
  const q = useGqlQuery(WorkCalendarYearDocument, { year });
  const cal = q.data?.workCalendar;
  const cov = q.data?.workCalendarCoverage;
  const byDate = useMemo(() => new Map((cal?.days ?? []).map((d) => [d.date, d])), [cal]);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()); // Beijing's date

  const yearOptions = useMemo(() => {
    const lo = Math.min(cov?.from ?? thisYear, thisYear - 1);
    const hi = Math.max(cov?.to ?? thisYear, thisYear) + 2;
    return Array.from({ length: hi - lo + 1 }, (_x, i) => hi - i).map((y) => ({
      value: y, label: `${y} 年${cov && !cov.years.includes(y) ? '（未覆盖）' : ''}`,
    }));
  }, [cov, thisYear]);

  /** The year's arrangement grouped by holiday: 国庆节 — 休 10-01…10-07，班 09-20、10-10. */
  const groups = useMemo(() => {
    const out = new Map<string, { name: string; off: string[]; work: string[] }>();
    for (const d of cal?.days ?? []) {
      const g = out.get(d.name) ?? { name: d.name, off: [], work: [] };
      (d.working ? g.work : g.off).push(d.date.slice(5));
      out.set(d.name, g);
    }
    // In the order of the year (中秋 09-25 before 国庆节 10-01, though 国庆's 调休 Sunday 09-20 comes first).
    return [...out.values()].sort((a, b) => (a.off[0] ?? a.work[0]).localeCompare(b.off[0] ?? b.work[0]));
  }, [cal]);

  const openEdit = (date: string) => {
    const current = byDate.get(date) ?? null;
    const idx = mondayIndex(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
    const weekend = idx >= 5;
    setEdit({ date, weekend, current });
    form.setFieldsValue({ mode: current ? (current.working ? 'working' : 'off') : weekend ? 'working' : 'off', name: current?.name ?? '' });
  };

  const save = async () => {
    if (!edit) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      if (v.mode === 'clear') {
        await mutate(ClearWorkDayDocument, [WorkCalendarYearDocument], { date: edit.date });
        message.success(`已清除 ${edit.date} 的安排，恢复按周一至周五计算`);
      } else {
        const r = await mutate(SetWorkDayDocument, [WorkCalendarYearDocument], { date: edit.date, working: v.mode === 'working', name: v.name?.trim() || null });
        message.success(`已将 ${r.setWorkDay.date} 设为${r.setWorkDay.kind}（${r.setWorkDay.name}）`);
      }
      setEdit(null);
    } catch (e) {
      message.error(errorText(e, '保存失败'));
    } finally {
      setSaving(false);
    }
  };

  const modeOptions = edit ? [
    { value: 'off', label: '放假休息', disabled: false },
    { value: 'working', label: '调休上班', disabled: !edit.weekend },
    ...(edit.current ? [{ value: 'clear', label: '清除安排' }] : []),
  ] : [];
  const mode = Form.useWatch('mode', form);

  return (
    <Card
      className="lz-page-card"
      data-testid="work-calendar-page"
      title="工作日历"
      extra={(
        <Space>
          <Button icon={<LeftOutlined />} aria-label="上一年" onClick={() => setYear((y) => y - 1)} disabled={year <= 1949} />
          <Select data-testid="wc-year" value={year} options={yearOptions} onChange={setYear} style={{ width: 150 }} />
          <Button icon={<RightOutlined />} aria-label="下一年" onClick={() => setYear((y) => y + 1)} disabled={year >= 2100} />
        </Space>
      )}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          data-testid="wc-coverage"
          title={cov?.from ? `工作日历已覆盖 ${cov.from}–${cov.to} 年（国务院办公厅公布的法定节假日放假和调休安排）` : '工作日历尚未录入任何年份'}
          description={`逾期类预警（如函询超期、个人有关事项报告逾期）按此日历计算工作日；未覆盖的年份暂按周一至周五计算。${editable ? '点击日期可设置放假或调休上班。' : '仅顶级机构的系统管理员可以修改。'}`}
        />
        {cal && !cal.covered && <Alert type="warning" showIcon data-testid="wc-notice" title={cal.notice} />}
        {q.error && <Alert type="error" showIcon title={errorText(q.error, '工作日历加载失败')} />}
        <div className="lz-wc-legend">
          <span><i className="lz-wc-swatch lz-wc-off" />法定节假日（休）</span>
          <span><i className="lz-wc-swatch lz-wc-work" />调休上班（班）</span>
          <span><i className="lz-wc-swatch lz-wc-weekend" />周末</span>
          <span><i className="lz-wc-swatch lz-wc-plain" />工作日</span>
        </div>
        <Spin spinning={q.isFetching}>
          {/* Only the year's own arrangement: before it arrives every weekday would read 工作日. */}
          {cal?.year === year ? (
            <div className="lz-wc-year" data-testid="wc-year-grid">
              {Array.from({ length: 12 }, (_x, i) => (
                <MonthGrid key={i} year={year} month={i + 1} byDate={byDate} today={today} onPick={editable ? openEdit : undefined} />
              ))}
            </div>
          ) : <div className="lz-wc-year lz-wc-pending" />}
        </Spin>
        <Table
          size="small"
          rowKey="name"
          pagination={false}
          data-testid="wc-summary"
          locale={{ emptyText: <Empty description={`${year} 年没有放假或调休安排`} /> }}
          dataSource={groups}
          columns={[
            { title: '节日', dataIndex: 'name', width: 220, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
            { title: '放假', dataIndex: 'off', render: (d: string[]) => (d.length ? <span>{d[0]} 至 {d[d.length - 1]}，共 {d.length} 天</span> : '—') },
            { title: '调休上班', dataIndex: 'work', render: (d: string[]) => (d.length ? d.map((x) => <Tag key={x} color="orange">{x}</Tag>) : '—') },
          ]}
        />
      </Space>
      <Modal
        open={!!edit}
        title={edit ? `设置 ${edit.date}（${WEEKDAY_NAMES[mondayIndex(Number(edit.date.slice(0, 4)), Number(edit.date.slice(5, 7)), Number(edit.date.slice(8, 10)))]}）` : ''}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'wc-save' } as Record<`data-${string}`, string>}
        onOk={save}
        onCancel={() => setEdit(null)}
        destroyOnHidden
        data-testid="wc-edit"
      >
        {edit?.current && (
          <Alert type="info" style={{ marginBottom: 16 }} title={`当前：${edit.current.kind}（${edit.current.name}）${edit.current.source === 'admin' ? `，由 ${edit.current.updatedByName ?? '管理员'} 录入` : '，国务院公布的安排'}`} />
        )}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="mode" label="安排" rules={[{ required: true, message: '请选择安排' }]} extra={edit && !edit.weekend ? '周一至周五本来就是工作日，只能设为放假休息' : undefined}>
            <Radio.Group options={modeOptions} optionType="button" buttonStyle="solid" data-testid="wc-mode" />
          </Form.Item>
          {mode !== 'clear' && (
            <Form.Item name="name" label="名称" rules={[{ max: 40, message: '名称最长 40 个字符' }]} extra="如 国庆节、春节；不填则为「休息日」或「调休上班」">
              <Input placeholder="节日名称" maxLength={40} data-testid="wc-name" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
