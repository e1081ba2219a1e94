// The top of the archive, laid out like the head of the 干部任免审批表: basic facts in a ruled table with the photo
// frame at the right.
import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { STATUS_COLORS } from '../cadres/format';
import { ageOf } from './format';
import { formatMonth } from '../../components/format';
import type { CadreArchive } from './types';

const v = (x: ReactNode) => (x === null || x === undefined || x === '' ? <span className="lz-sheet-empty">—</span> : x);

/** `photo` fills the photo cell (PhotoFrame); without it the cell is an empty frame. */
/** `warning` (the colour tag, 廉情预警) stands after the name for the roles that read warnings. */
export function CadreHeader({ cadre, photo, warning }: { cadre: CadreArchive; photo?: ReactNode; warning?: ReactNode }) {
  const age = ageOf(cadre.birthMonth);
  const birth = cadre.birthMonth ? `${formatMonth(cadre.birthMonth)}${age !== null ? `（${age}岁）` : ''}` : null;
  return (
    <table className="lz-cadre-form" data-testid="archive-header">
      <colgroup>
        <col className="lz-cf-l" />
        <col className="lz-cf-v" />
        <col className="lz-cf-l" />
        <col className="lz-cf-v" />
        <col className="lz-cf-l" />
        <col className="lz-cf-v" />
        <col className="lz-cf-photo" />
      </colgroup>
      <tbody>
        <tr>
          <th>姓　名</th>
          <td className="lz-cf-name"><span data-testid="archive-name">{cadre.name}</span>{warning && <span className="lz-cf-warning">{warning}</span>}</td>
          <th>性　别</th>
          <td>{v(cadre.sex)}</td>
          <th>出生年月（岁）</th>
          <td className="lz-nums">{v(birth)}</td>
          <td rowSpan={4} className="lz-cf-photo-cell">
            {photo ?? <div className="lz-photo" data-testid="archive-photo" aria-label="照片">照片</div>}
          </td>
        </tr>
        <tr>
          <th>民　族</th>
          <td>{v(cadre.ethnicity)}</td>
          <th>籍　贯</th>
          <td>{v(cadre.nativePlace)}</td>
          <th>入党时间</th>
          <td className="lz-nums">{v(formatMonth(cadre.partyJoin))}</td>
        </tr>
        <tr>
          <th>参加工作时间</th>
          <td className="lz-nums">{v(formatMonth(cadre.workStart))}</td>
          <th>学　历</th>
          <td>{v(cadre.education)}</td>
          <th>状　态</th>
          <td><Tag color={STATUS_COLORS[cadre.status] ?? 'blue'} className="lz-cf-status">{cadre.status}</Tag></td>
        </tr>
        <tr>
          <th>现任职务</th>
          <td colSpan={3}>{v(cadre.position)}</td>
          <th>职　级</th>
          <td>{v(cadre.rank)}</td>
        </tr>
        <tr>
          <th>所在单位</th>
          <td colSpan={3} data-testid="archive-unit">{cadre.unit.name}</td>
          <th>所属机关</th>
          <td colSpan={2}>{cadre.tenant.name}</td>
        </tr>
      </tbody>
    </table>
  );
}
