// 预警看板 (docs/warning-board.md#console): for a unit subtree chosen in the directory and an as-of date, the warned
// cadres by colour (cards: a click filters the list), by rule, month by month (ECharts), and the drill-down list with
// each cadre's colour tag and reasons, linked to the archive.
import type React from 'react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Empty, Space, Spin, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { errorText, gql } from '../../api/graphql';
import { queryKey, useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { PageHead, RefreshButton } from '../../components/PageHead';
import { PagedTable, usePagedQuery } from '../../components/PagedTable';
import { ScopeLine } from '../../components/Toolbar';
import { WarningTag, textOn } from '../../components/WarningTag';
import { useUnitDirectory } from '../cadres/unitDirectory';
import {
  WarningBoardDocument, WarningListDocument, WarningTrendDocument, type WarningBoard, type WarningListItem, type WarningTrendMonth,
} from './queries';
import './board.css';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const DATE = 'YYYY-MM-DD';

type Row = WarningListItem & { id: string };

export function WarningBoardPage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const directory = useUnitDirectory();
  const [asOf, setAsOf] = useState(() => dayjs().format(DATE));
  const [colour, setColour] = useState<string | null>(null);

  const { selectedNode } = directory;
  const where = useMemo(() => ({
    tenantCode: selectedNode?.filter.tenantCode ?? null,
    unitId: selectedNode?.filter.unitId ?? null,
  }), [selectedNode]);

  const board = useGqlQuery(WarningBoardDocument, { asOf, ...where });
  // The trend ends with the as-of month (never after this one) and shows the twelve months up to it.
  const thisMonth = dayjs().format('YYYY-MM');
  const to = asOf.slice(0, 7) > thisMonth ? thisMonth : asOf.slice(0, 7);
  const trend = useGqlQuery(WarningTrendDocument, { from: dayjs(`${to}-01`).subtract(11, 'month').format('YYYY-MM'), to, ...where });

  const listVars = { asOf, colour, ...where };
  const list = usePagedQuery<Row>(
    (first, offset, signal, after) => gql(WarningListDocument, after ? { first, after, ...listVars } : { first, offset, ...listVars }, { signal })
      .then((d) => ({ ...d.warningList, edges: d.warningList.edges.map((e) => ({ node: { ...e.node, id: e.node.cadre.id } })) })),
    queryKey(WarningListDocument, listVars),
    { errorFallback: '预警名单加载失败', cursors: true },
  );
  const { setPage } = list;

  const onSelectNode = (keys: React.Key[]) => {
    directory.select(keys);
    setPage(1);
  };
  const pickColour = (name: string | null) => {
    setColour((c) => (c === name ? null : name));
    setPage(1);
  };
  const refresh = () => { void board.refetch(); void trend.refetch(); list.refresh(); };

  const columns: TableColumnsType<Row> = [
    { title: '序号', key: 'index', width: 52, align: 'center', render: (_v, _r, i) => (list.page - 1) * list.pageSize + i + 1 },
    {
      title: '姓名', key: 'name', width: 90,
      render: (_v, r) => <Link to={`/cadres/${r.cadre.id}`} className="lz-cadre-link" data-testid="warning-cadre-name" onClick={(e) => e.stopPropagation()}>{r.cadre.name}</Link>,
    },
    {
      title: '颜色', key: 'colour', width: 64, align: 'center',
      render: (_v, r) => <WarningTag warning={r.warning} asOf={asOf} testId="warning-list-tag" />,
    },
    {
      title: '预警原因', key: 'reasons', width: 360,
      render: (_v, r) => <div className="lz-warning-reasons" data-testid="warning-reasons">{r.reasons.map((x) => <div key={x}>{x}</div>)}</div>,
    },
    { title: '单位', key: 'unit', width: 150, ellipsis: { showTitle: false }, render: (_v, r) => <Tooltip title={r.cadre.unit.name}>{r.cadre.unit.name}</Tooltip> },
    { title: '现任职务', key: 'position', width: 140, ellipsis: { showTitle: false }, render: (_v, r) => r.cadre.position ?? <span className="lz-muted">—</span> },
    { title: '所属机关', key: 'tenant', width: 130, ellipsis: { showTitle: false }, render: (_v, r) => <Tooltip title={r.cadre.tenant.name}>{r.cadre.tenant.name}</Tooltip> },
  ];

  return (
    <div className="lz-cadres lz-warning-board" data-testid="warning-board">
      <PageHead title="预警看板" desc={`${me?.tenant.name ?? ''}及下级机关可见范围内干部的廉情预警（颜色按所选日期计算）`} />
      <div className="lz-cadres-body">
        {directory.card(onSelectNode)}

        <div className="lz-warning-main">
          <Card size="small" className="lz-warning-bar">
            <div className="lz-toolbar">
              <ScopeLine scope={selectedNode ? selectedNode.scopeText : null} onClear={() => onSelectNode([])} all={me ? `${me.tenant.name}（全部可见）` : '全部可见'} />
              <Space size={8} className="lz-warning-asof">
                <span className="lz-muted">截至日期：</span>
                <DatePicker
                  value={dayjs(asOf, DATE)}
                  format={DATE}
                  allowClear={false}
                  onChange={(d: Dayjs | null) => { if (d) { setAsOf(d.format(DATE)); setPage(1); } }}
                  data-testid="warning-asof"
                />
                <Button size="small" onClick={() => { setAsOf(dayjs().format(DATE)); setPage(1); }}>今天</Button>
                <RefreshButton onClick={refresh} />
              </Space>
            </div>
          </Card>

          {board.error && <Alert type="error" showIcon title={errorText(board.error, '预警看板加载失败')} className="lz-table-alert" action={<Button size="small" onClick={() => void board.refetch()}>重试</Button>} />}
          <ColourCards board={board.data?.warningBoard ?? null} loading={board.isFetching} selected={colour} onPick={pickColour} />

          <div className="lz-warning-row">
            <Card size="small" title="按规则" className="lz-warning-rules" data-testid="warning-rules">
              <RuleTable board={board.data?.warningBoard ?? null} loading={board.isFetching} />
            </Card>
            <Card size="small" title="逐月趋势（各月末人数）" className="lz-warning-trend" data-testid="warning-trend">
              {trend.error
                ? <Alert type="error" showIcon title={errorText(trend.error, '趋势加载失败')} />
                : <TrendChart months={trend.data?.warningTrend ?? null} loading={trend.isFetching} />}
            </Card>
          </div>

          <PagedTable<Row>
            query={list}
            columns={columns}
            className="lz-warning-table"
            testId="warning-list"
            rowTestId="warning-row"
            scrollX={1000}
            rowClassName="lz-clickable-row"
            onRow={(r) => ({
              onClick: (e: React.MouseEvent) => {
                if (window.getSelection()?.toString()) return;
                if ((e.target as HTMLElement).closest('a, button')) return;
                navigate(`/cadres/${r.cadre.id}`);
              },
            })}
            empty={colour ? `截至 ${asOf} 没有${colour}色预警的干部` : `截至 ${asOf} 没有预警的干部`}
            total={(n) => `共 ${n} 人`}
            totalTestId="warning-total"
            toolbar={
              <Space size={8} wrap>
                <span className="lz-warning-list-title">预警干部名单</span>
                {colour
                  ? <Tag closable onClose={(e) => { e.preventDefault(); pickColour(null); }} data-testid="warning-colour-filter">颜色：{colour}</Tag>
                  : <span className="lz-muted">全部颜色（点击上方颜色卡片筛选）</span>}
              </Space>
            }
          />
        </div>
      </div>
    </div>
  );
}

function ColourCards({ board, loading, selected, onPick }: {
  board: WarningBoard | null; loading: boolean; selected: string | null; onPick(name: string | null): void;
}) {
  if (!board) return <Card size="small" className="lz-warning-cards-loading"><Spin spinning={loading}><div className="lz-center-pad" /></Spin></Card>;
  return (
    <div className="lz-warning-cards" data-testid="warning-cards">
      <Card size="small" className="lz-warning-card lz-warning-card-total" onClick={() => onPick(null)} data-testid="warning-card-total">
        <div className="lz-warning-card-name">预警人数</div>
        <div className="lz-warning-card-count"><span data-testid="warning-count-total">{board.total}</span><small> / {board.cadreCount} 人</small></div>
      </Card>
      {board.byColour.map((c) => (
        <Tooltip key={c.level.code} title={c.level.description ?? undefined}>
          <Card
            size="small"
            hoverable
            className={`lz-warning-card${selected === c.colour ? ' lz-warning-card-on' : ''}`}
            style={{ borderTopColor: c.level.hex, ...(selected === c.colour ? { background: c.level.hex, color: textOn(c.level.hex) } : {}) }}
            onClick={() => onPick(c.colour)}
            data-testid={`warning-card-${c.level.code}`}
          >
            <div className="lz-warning-card-name"><span className="lz-warning-dot" style={{ background: c.level.hex }} />{c.colour}色预警</div>
            <div className="lz-warning-card-count"><span data-testid={`warning-count-${c.level.code}`}>{c.count}</span><small> 人</small></div>
          </Card>
        </Tooltip>
      ))}
    </div>
  );
}

function RuleTable({ board, loading }: { board: WarningBoard | null; loading: boolean }) {
  type RuleRow = WarningBoard['byRule'][number];
  const columns: TableColumnsType<RuleRow> = [
    { title: '规则', key: 'name', render: (_v, r) => <span>{r.rule.name}</span> },
    { title: '代码', key: 'code', width: 130, render: (_v, r) => <span className="lz-muted">{r.rule.code}（第 {r.rule.version} 版）</span> },
    { title: '人数', dataIndex: 'count', key: 'count', width: 64, align: 'right' },
  ];
  return (
    <Table<RuleRow>
      size="small"
      rowKey={(r) => r.rule.code}
      loading={loading}
      columns={columns}
      dataSource={board?.byRule ?? []}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有触发的规则" /> }}
      data-testid="warning-rule-table"
    />
  );
}

function TrendChart({ months, loading }: { months: readonly WarningTrendMonth[] | null; loading: boolean }) {
  const option = useMemo(() => {
    if (!months?.length) return null;
    const levels = months[0].byColour.map((c) => c.level);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: levels.map((l) => `${l.name}色`) },
      grid: { left: 36, right: 12, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1, name: '人' },
      // Most severe on top of the stack: drawn last.
      series: [...levels].reverse().map((l) => ({
        name: `${l.name}色`,
        type: 'bar',
        stack: 'total',
        barMaxWidth: 28,
        itemStyle: { color: l.hex },
        data: months.map((m) => m.byColour.find((c) => c.level.code === l.code)?.count ?? 0),
      })),
    };
  }, [months]);
  if (!option) return <Spin spinning={loading}><div className="lz-warning-chart lz-center-pad" /></Spin>;
  return (
    <div data-testid="warning-trend-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge className="lz-warning-chart" showLoading={loading} />
    </div>
  );
}
