// The ledgers' toolbar pieces: the search box and the 「当前范围」 line with its closable tag.
import type React from 'react';
import { Input, Space, Tag } from 'antd';
import { CloseCircleOutlined } from '@ant-design/icons';

/** A search box with 「查询」: `onSearch` gets the text as typed (trim it for the filter). */
export function SearchBox({ id, testId, placeholder, value, onChange, onSearch }: {
  id: string; testId: string; placeholder: string; value: string; onChange(v: string): void; onSearch(v: string): void;
}) {
  return (
    <Input.Search
      className="lz-search"
      data-testid={testId}
      id={id}
      placeholder={placeholder}
      allowClear
      enterButton="查询"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSearch={onSearch}
      maxLength={50}
    />
  );
}

/** 「当前范围：」 and the chosen scope as a red closable tag, or `all` when nothing is chosen. */
export function ScopeLine({ scope, onClear, all, children }: {
  scope: React.ReactNode | null; onClear(): void; all: React.ReactNode; children?: React.ReactNode;
}) {
  return (
    <Space size={8} className="lz-scope" wrap>
      <span className="lz-muted">当前范围：</span>
      {scope ? (
        <Tag
          color="red"
          closable
          closeIcon={<CloseCircleOutlined />}
          onClose={(e) => { e.preventDefault(); onClear(); }}
          data-testid="scope-tag"
        >
          {scope}
        </Tag>
      ) : (
        <span>{all}</span>
      )}
      {children}
    </Space>
  );
}
