import type React from 'react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, Result, Space, Spin, Table, Tag, Tooltip, Tree, Typography } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { CloseCircleOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { isForbidden } from '../../api/graphql';
import { useGqlQuery } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { CadresDocument, TenantsDocument, UnitsDocument, type Cadre, type CadreFilter } from './queries';
import { formatBirthMonth, STATUS_COLORS } from './format';
import { buildScopeTree, filterTree, indexNodes, type ScopeNode } from './unitTree';

const PAGE_SIZES = [20, 50, 100];

const dash = (v: string | null | undefined) => (v ? v : <span className="lz-muted">—</span>);

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function useScopeTree() {
  // Separate requests: each GraphQL operation is one transaction, and a role may read tenants but not units.
  const tenants = useGqlQuery(TenantsDocument);
  const units = useGqlQuery(UnitsDocument);
  const error = tenants.error
    ? message(tenants.error)
    : units.error && !isForbidden(units.error) && tenants.data ? message(units.error) : null;
  const loading = tenants.isFetching || units.isFetching;
  const unitList = units.isError ? null : units.data?.units ?? null;
  const tree = useMemo(() => (tenants.data ? buildScopeTree(tenants.data.tenants, unitList) : []), [tenants.data, unitList]);
  const reload = () => Promise.all([tenants.refetch(), units.refetch()]);
  return { tree, loading, error, reload };
}

function CadresForbidden() {
  return (
    <Card className="lz-page-card" data-testid="cadres-forbidden">
      <Result
        icon={<LockOutlined className="lz-forbidden-icon" />}
        title="当前角色无权查看干部档案"
        subTitle="如需查看，请联系本机关系统管理员调整角色权限。"
      />
    </Card>
  );
}

/** The ledger for roles that may read cadres; others get the refusal without asking the API. */
export function CadreListPage() {
  const { can } = useAuth();
  return can('Cadre:read') ? <CadreLedger /> : <CadresForbidden />;
}

function CadreLedger() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const scope = useScopeTree();
  const nodeIndex = useMemo(() => indexNodes(scope.tree), [scope.tree]);

  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [treeKeyword, setTreeKeyword] = useState('');
  const [expandedKeys, setExpandedKeys] = useState<string[] | null>(null);
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);

  const selectedNode: ScopeNode | undefined = selectedKey ? nodeIndex.get(selectedKey) : undefined;
  const filter = useMemo<CadreFilter>(() => {
    const f: CadreFilter = {};
    if (search) f.search = search;
    if (selectedNode?.filter.tenantCode) f.tenantCode = selectedNode.filter.tenantCode;
    if (selectedNode?.filter.unitId) f.unitId = selectedNode.filter.unitId;
    return f;
  }, [search, selectedNode]);

  const cadres = useGqlQuery(
    CadresDocument,
    { first: pageSize, offset: (page - 1) * pageSize, filter },
    { placeholderData: keepPreviousData },
  );
  const data = cadres.data?.cadres ?? null;
  const loading = cadres.isFetching;
  const forbidden = isForbidden(cadres.error);
  const error = cadres.error && !forbidden ? message(cadres.error) : null;
  const reload = () => void cadres.refetch();

  // The page may have emptied (e.g. rows moved away): fall back to the last page.
  useEffect(() => {
    if (!data || cadres.isPlaceholderData) return;
    const lastPage = Math.max(1, Math.ceil(data.totalCount / pageSize));
    if (page > lastPage) setPage(lastPage);
  }, [data, cadres.isPlaceholderData, page, pageSize]);

  // Expand the top of the tree (own tenant and its direct children) once it is loaded; a small tree (a filler's few
  // units, a county) is opened entirely.
  const defaultExpanded = useMemo(() => {
    if (nodeIndex.size <= 20) return [...nodeIndex.values()].filter((n) => n.children?.length).map((n) => n.key);
    return scope.tree.map((n) => n.key);
  }, [scope.tree, nodeIndex]);
  const filteredTree = useMemo(() => filterTree(scope.tree, treeKeyword), [scope.tree, treeKeyword]);
  const effectiveExpanded = treeKeyword.trim() ? filteredTree.expand : expandedKeys ?? defaultExpanded;

  const onSearch = (value: string) => {
    setSearchInput(value);
    setSearch(value.trim());
    setPage(1);
  };

  const onSelectNode = (keys: React.Key[]) => {
    setSelectedKey(keys.length ? String(keys[0]) : null);
    setPage(1);
  };

  const onTableChange = (p: TablePaginationConfig) => {
    const nextSize = p.pageSize ?? pageSize;
    if (nextSize !== pageSize) {
      setPageSize(nextSize);
      setPage(1);
    } else {
      setPage(p.current ?? 1);
    }
  };

  const columns: TableColumnsType<Cadre> = [
    {
      title: '序号', key: 'index', width: 52, align: 'center', fixed: 'left',
      render: (_v, _r, i) => (page - 1) * pageSize + i + 1,
    },
    {
      title: '姓名', dataIndex: 'name', key: 'name', width: 80, fixed: 'left',
      render: (v: string, r) => (
        <Link to={`/cadres/${r.id}`} className="lz-cadre-name lz-cadre-link" data-testid="cadre-name" onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
    { title: '性别', dataIndex: 'sex', key: 'sex', width: 48, align: 'center', render: dash },
    {
      title: '出生年月', dataIndex: 'birthMonth', key: 'birthMonth', width: 76, align: 'center',
      render: (v: string | null) => dash(formatBirthMonth(v)),
    },
    { title: '民族', dataIndex: 'ethnicity', key: 'ethnicity', width: 64, align: 'center', render: dash },
    {
      title: '单位', key: 'unit', width: 140, ellipsis: { showTitle: false },
      render: (_v, r) => <Tooltip placement="topLeft" title={r.unit.name}><span data-testid="cadre-unit">{r.unit.name}</span></Tooltip>,
    },
    {
      title: '现任职务', dataIndex: 'position', key: 'position', width: 120, ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Tooltip placement="topLeft" title={v}>{v}</Tooltip> : dash(v)),
    },
    { title: '职级', dataIndex: 'rank', key: 'rank', width: 112, render: dash },
    { title: '学历', dataIndex: 'education', key: 'education', width: 88, render: dash },
    {
      title: '状态', dataIndex: 'status', key: 'status', width: 60, align: 'center',
      render: (v: string) => <Tag color={STATUS_COLORS[v] ?? 'blue'}>{v}</Tag>,
    },
    {
      title: '所属机关', key: 'tenant', width: 124, ellipsis: { showTitle: false },
      render: (_v, r) => <Tooltip placement="topLeft" title={r.tenant.name}>{r.tenant.name}</Tooltip>,
    },
  ];

  if (forbidden) return <CadresForbidden />;

  const rows = data?.edges.map((e) => e.node) ?? [];

  return (
    <div className="lz-cadres">
      <div className="lz-page-head">
        <Typography.Title level={4} className="lz-page-title">干部档案</Typography.Title>
        <span className="lz-page-desc">
          {!me
            ? '一人一档'
            : me.roles.includes('filler')
              ? '本人负责填报的单位（含下级单位）的干部，一人一档'
              : `${me.tenant.name}及下级机关可见范围内的干部，一人一档`}
        </span>
      </div>

      <div className="lz-cadres-body">
        <Card
          className="lz-tree-card"
          size="small"
          title="单位目录"
          extra={
            <Tooltip title="刷新目录">
              <Button type="text" size="small" icon={<ReloadOutlined />} onClick={() => void scope.reload()} aria-label="刷新目录" />
            </Tooltip>
          }
        >
          <Input
            allowClear
            size="small"
            placeholder="查找单位"
            value={treeKeyword}
            onChange={(e) => setTreeKeyword(e.target.value)}
            className="lz-tree-filter"
            data-testid="unit-filter"
          />
          {scope.error && <Alert type="error" showIcon title={scope.error} className="lz-tree-alert" />}
          {scope.loading && !scope.tree.length ? (
            <div className="lz-tree-loading"><Spin /></div>
          ) : filteredTree.nodes.length ? (
            <div data-testid="unit-tree">
            <Tree
              className="lz-tree"
              blockNode
              showIcon
              treeData={filteredTree.nodes}
              selectedKeys={selectedKey ? [selectedKey] : []}
              expandedKeys={effectiveExpanded}
              onExpand={(keys) => { if (!treeKeyword.trim()) setExpandedKeys(keys.map(String)); }}
              onSelect={onSelectNode}
            />
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={treeKeyword ? '没有匹配的单位' : '暂无单位'} />
          )}
        </Card>

        <Card className="lz-table-card" size="small">
          <div className="lz-toolbar">
            <Input.Search
              className="lz-search"
              data-testid="cadre-search"
              id="cadre-search-input"
              placeholder="姓名 / 拼音 / 首字母"
              allowClear
              enterButton="查询"
              value={searchInput}
              onChange={(e) => setSearchInput(e.target.value)}
              onSearch={onSearch}
              maxLength={50}
            />
            <Space size={8} className="lz-scope" wrap>
              <span className="lz-muted">当前范围：</span>
              {selectedNode ? (
                <Tag
                  color="red"
                  closable
                  closeIcon={<CloseCircleOutlined />}
                  onClose={(e) => { e.preventDefault(); onSelectNode([]); }}
                  data-testid="scope-tag"
                >
                  {selectedNode.scopeText}
                </Tag>
              ) : (
                <span>{me ? `${me.tenant.name}（全部可见）` : '全部可见'}</span>
              )}
              {search && (
                <Tag closable onClose={(e) => { e.preventDefault(); onSearch(''); }}>
                  查询：{search}
                </Tag>
              )}
            </Space>
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} onClick={reload} />
            </Tooltip>
          </div>

          {error && (
            <Alert
              type="error"
              showIcon
              title={error}
              className="lz-table-alert"
              action={<Button size="small" onClick={reload}>重试</Button>}
            />
          )}

          <Table<Cadre>
            className="lz-cadre-table"
            data-testid="cadre-table"
            rowKey="id"
            size="small"
            bordered
            loading={loading}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 960 }}
            rowClassName="lz-clickable-row"
            onRow={(r) => ({
              'data-testid': 'cadre-row',
              onClick: (e: React.MouseEvent) => {
                // A text selection is not a click on the row.
                if (window.getSelection()?.toString()) return;
                if ((e.target as HTMLElement).closest('a, button')) return;
                navigate(`/cadres/${r.id}`);
              },
            }) as React.HTMLAttributes<HTMLElement>}
            onChange={onTableChange}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search ? '没有符合条件的干部' : '暂无干部档案'} /> }}
            pagination={{
              current: page,
              pageSize,
              total: data?.totalCount ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showQuickJumper: true,
              showTotal: (total) => `共 ${total} 人`,
            }}
          />
          {/* The pager is hidden for an empty ledger: the count stays visible. */}
          {!loading && !error && data?.totalCount === 0 && <div className="lz-table-total" data-testid="cadre-total">共 0 人</div>}
        </Card>
      </div>
    </div>
  );
}
