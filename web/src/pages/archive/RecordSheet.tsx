// A record as a paper form: label cells shaded, values beside them, three pairs a row, long texts across the row;
// and its materials catalogue (材料目录) as a small table.
import type { ReactNode } from 'react';
import { formatValue, sheetRows } from './format';
import type { ArchiveRecord, Category, Material } from './types';

const PER_ROW = 3;

/** `perRow` label/value pairs a row (the print view's A4 takes two). */
export function RecordSheet({ category, record, extraRows, perRow = PER_ROW }: { category: Category; record: ArchiveRecord; extraRows?: ReactNode; perRow?: number }) {
  const rows = sheetRows(category.fields, perRow);
  return (
    <table className="lz-sheet" data-testid="record-sheet">
      <colgroup>
        {Array.from({ length: perRow }, (_, i) => [<col key={`l${i}`} className="lz-sheet-lcol" />, <col key={`v${i}`} />])}
      </colgroup>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.flatMap((f, j) => {
              const last = j === row.length - 1;
              const span = last ? (perRow - row.length) * 2 + 1 : 1;
              const text = formatValue(f, record.fields[f.name]);
              const long = f.type === 'longtext';
              return [
                <th key={`${f.name}-l`} scope="row" className="lz-sheet-label">{f.label}</th>,
                <td
                  key={`${f.name}-v`}
                  colSpan={span}
                  className={`lz-sheet-value${long ? ' lz-sheet-long' : ''}${f.type === 'money' || f.type === 'decimal' ? ' lz-nums' : ''}`}
                  data-testid={`field-${f.name}`}
                >
                  {text || <span className="lz-sheet-empty">—</span>}
                </td>,
              ];
            })}
          </tr>
        ))}
        {extraRows}
      </tbody>
    </table>
  );
}

export function MaterialsTable({ materials }: { materials: Material[] }) {
  if (!materials.length) return <div className="lz-materials-none lz-muted">无材料</div>;
  const pages = materials.reduce((n, m) => n + (m.pages ?? 0), 0);
  return (
    <table className="lz-materials" data-testid="record-materials">
      <colgroup>
        <col style={{ width: 52 }} />
        <col />
        <col style={{ width: 120 }} />
        <col style={{ width: 72 }} />
      </colgroup>
      <thead>
        <tr>
          <th>序号</th>
          <th>材料名称</th>
          <th>形成时间</th>
          <th>页数</th>
        </tr>
      </thead>
      <tbody>
        {materials.map((m, i) => (
          <tr key={m.id ?? i} data-testid="material-row">
            <td className="lz-center">{i + 1}</td>
            <td>{m.name}</td>
            <td className="lz-center lz-nums">{m.formedOn ?? ''}</td>
            <td className="lz-center lz-nums">{m.pages ?? ''}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3} className="lz-materials-total">合计 {materials.length} 件</td>
          <td className="lz-center lz-nums">{pages || ''}</td>
        </tr>
      </tfoot>
    </table>
  );
}
