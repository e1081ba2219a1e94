// The directory card on the left of the ledgers: a tree with a name filter, a refresh button, loading and empty
// states. The caller builds and filters the nodes and keeps selection and expansion.
import type React from 'react';
import { Alert, Button, Card, Empty, Input, Spin, Tooltip, Tree } from 'antd';
import type { TreeProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';

export function FilterTreeCard({
  title, onReload, keyword, onKeyword, placeholder, filterTestId, treeTestId, error, loading, nodes, selectedKey, expandedKeys,
  onExpand, onSelect, noMatch, none,
}: {
  title: string;
  onReload(): void;
  keyword: string;
  onKeyword(k: string): void;
  placeholder: string;
  filterTestId: string;
  treeTestId: string;
  error: string | null;
  /** Loading with nothing to show yet: a spinner instead of the tree. */
  loading: boolean;
  nodes: TreeProps['treeData'] & unknown[];
  selectedKey: string | null;
  expandedKeys: string[];
  onExpand(keys: React.Key[]): void;
  onSelect(keys: React.Key[]): void;
  /** Empty texts: nothing matches the keyword / nothing at all. */
  noMatch: string;
  none: string;
}) {
  return (
    <Card
      className="lz-tree-card"
      size="small"
      title={title}
      extra={
        <Tooltip title="刷新目录">
          <Button type="text" size="small" icon={<ReloadOutlined />} onClick={onReload} aria-label="刷新目录" />
        </Tooltip>
      }
    >
      <Input
        allowClear
        size="small"
        placeholder={placeholder}
        value={keyword}
        onChange={(e) => onKeyword(e.target.value)}
        className="lz-tree-filter"
        data-testid={filterTestId}
      />
      {error && <Alert type="error" showIcon title={error} className="lz-tree-alert" />}
      {loading ? (
        <div className="lz-tree-loading"><Spin /></div>
      ) : nodes.length ? (
        <div data-testid={treeTestId}>
          <Tree
            className="lz-tree"
            blockNode
            showIcon
            treeData={nodes}
            selectedKeys={selectedKey ? [selectedKey] : []}
            expandedKeys={expandedKeys}
            onExpand={onExpand}
            onSelect={onSelect}
          />
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keyword ? noMatch : none} />
      )}
    </Card>
  );
}
