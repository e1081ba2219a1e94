// The one unit picker of the console: the units of one body (机构) as a tree, from the `units` query (which leaves
// out retired units), for choosing where a cadre goes — a new cadre, a move, an import. No unit is ever chosen for
// the user: the picker starts empty unless there is exactly one unit to choose.
import { useEffect, useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useGqlQuery } from '../api/query';
import { graphql } from '../gql';
import { filterTreeNodeByName } from './tree';

interface UnitNode { value: string; title: string; key: string; pinyin: string[]; disabled?: boolean; children?: UnitNode[] }

const PickerUnitsDocument = graphql(`query PickerUnits { units { id name pinyin parentId sortOrder tenant { id } } }`);

/** The units of tenant `tenantId` as tree nodes (units whose parent is not visible, e.g. a filler's, are roots). */
export function useUnitTree(tenantId: string | undefined, exclude?: string | null) {
  const query = useGqlQuery(PickerUnitsDocument, undefined, { enabled: !!tenantId });
  const all = query.data?.units;
  const nodes = useMemo(() => {
    const units = (all ?? []).filter((u) => u.tenant.id === tenantId);
    const build = (parent: string | null): UnitNode[] => units.filter((u) => u.parentId === parent)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((u) => ({ value: u.id, key: u.id, title: u.name, pinyin: u.pinyin, disabled: u.id === exclude, children: build(u.id) }));
    const ids = new Set(units.map((u) => u.id));
    const roots = units.filter((u) => !u.parentId || !ids.has(u.parentId)).map((u) => u.parentId);
    return [...new Set(roots)].flatMap((r) => build(r));
  }, [all, tenantId, exclude]);
  const count = useMemo(() => (all ?? []).filter((u) => u.tenant.id === tenantId && u.id !== exclude).length, [all, tenantId, exclude]);
  const only = count === 1 ? (all ?? []).find((u) => u.tenant.id === tenantId && u.id !== exclude)?.id : undefined;
  return { nodes, count, only, loading: query.isFetching };
}

export function UnitPicker({ tenantId, value, onChange, exclude, placeholder = '请选择单位', testId, width = 320, id }: {
  tenantId: string | undefined;
  value?: string;
  onChange?(v: string | undefined): void;
  /** A unit not offered (where the cadre already is). */
  exclude?: string | null;
  placeholder?: string;
  testId?: string;
  width?: number | string;
  id?: string;
}) {
  const tree = useUnitTree(tenantId, exclude);
  // Exactly one unit to choose: it is shown chosen (visibly, the user still confirms).
  useEffect(() => { if (!value && tree.only) onChange?.(tree.only); }, [value, tree.only, onChange]);
  return (
    <TreeSelect
      id={id}
      style={{ width }}
      treeData={tree.nodes}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeDefaultExpandAll
      showSearch
      // By name, full pinyin or initials (shared/name-match.ts).
      filterTreeNode={filterTreeNodeByName}
      loading={tree.loading}
      placeholder={placeholder}
      notFoundContent={tree.loading ? '正在加载单位…' : '本机构还没有单位，请先建立单位目录'}
      data-testid={testId}
    />
  );
}
