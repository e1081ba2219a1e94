// The 单位目录 beside a ledger (干部档案, 预警看板): the caller's tenants and units as one tree, filtered by name or
// pinyin, its top opened once loaded; the page keeps the selected node and narrows its queries by the node's filter.
import type React from 'react';
import { useMemo, useState } from 'react';
import { isForbidden } from '../../api/graphql';
import { useGqlQuery } from '../../api/query';
import { FilterTreeCard } from '../../components/FilterTreeCard';
import { TenantsDocument, UnitsDocument } from './queries';
import { buildScopeTree, filterTree, indexNodes, type ScopeNode } from './unitTree';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The 单位目录 of the caller's scope (tenants, and units where the role reads them). */
export function useScopeTree() {
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

/**
 * The directory's state and its card. `select` changes the selected node (no keys: the whole scope); the page wraps it
 * to reset its paging and hands the wrapper to `card`.
 */
export function useUnitDirectory() {
  const scope = useScopeTree();
  const nodeIndex = useMemo(() => indexNodes(scope.tree), [scope.tree]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [treeKeyword, setTreeKeyword] = useState('');
  const [expandedKeys, setExpandedKeys] = useState<string[] | null>(null);
  const selectedNode: ScopeNode | undefined = selectedKey ? nodeIndex.get(selectedKey) : undefined;

  // Expand the top of the tree (own tenant and its direct children) once it is loaded; a small tree (a filler's few
  // units, a county) is opened entirely.
  const defaultExpanded = useMemo(() => {
    if (nodeIndex.size <= 20) return [...nodeIndex.values()].filter((n) => n.children?.length).map((n) => n.key);
    return scope.tree.map((n) => n.key);
  }, [scope.tree, nodeIndex]);
  const filteredTree = useMemo(() => filterTree(scope.tree, treeKeyword), [scope.tree, treeKeyword]);
  const effectiveExpanded = treeKeyword.trim() ? filteredTree.expand : expandedKeys ?? defaultExpanded;

  const select = (keys: React.Key[]) => setSelectedKey(keys.length ? String(keys[0]) : null);
  const card = (onSelect: (keys: React.Key[]) => void) => (
    <FilterTreeCard
      title="单位目录"
      onReload={() => void scope.reload()}
      keyword={treeKeyword}
      onKeyword={setTreeKeyword}
      placeholder="查找单位：名称、全拼或首字母"
      filterTestId="unit-filter"
      treeTestId="unit-tree"
      error={scope.error}
      loading={scope.loading && !scope.tree.length}
      nodes={filteredTree.nodes}
      selectedKey={selectedKey}
      expandedKeys={effectiveExpanded}
      onExpand={(keys) => { if (!treeKeyword.trim()) setExpandedKeys(keys.map(String)); }}
      onSelect={onSelect}
      noMatch="没有匹配的单位"
      none="暂无单位"
    />
  );
  return { selectedNode, select, card };
}
