// A cadre's warning colour (廉情预警) as a tag, explained on hover: the reasons, the rule that fired (code, name,
// version) and the last day it lasts (docs/warning-board.md). Shown on the cadre list, the archive header and the board.
import { Tag, Tooltip } from 'antd';
import '../pages/warnings/board.css';

export interface WarningInfo {
  colour: string;
  level: { code: string; hex: string };
  rule: { code: string; name: string; version: number };
  reasons: readonly string[];
  startsOn?: string | null;
  ends: string | null;
}

/** Dark text on light colours (黄), white on dark ones (红, 蓝). */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#fff';
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.299 * r + 0.587 * g + 0.114 * b > 0.6 ? 'rgba(0, 0, 0, 0.88)' : '#fff';
}

/** The explanation: one block per warning (the colour first, then any lower ones). */
export function WarningExplanation({ warnings, asOf }: { warnings: readonly WarningInfo[]; asOf?: string }) {
  return (
    <div className="lz-warning-tip" data-testid="warning-tip">
      {asOf && <div className="lz-warning-tip-asof">截至 {asOf}</div>}
      {warnings.map((w, i) => (
        <div key={`${w.rule.code}-${i}`} className="lz-warning-tip-item">
          <div className="lz-warning-tip-head">
            <span className="lz-warning-dot" style={{ background: w.level.hex }} />
            {w.colour}　{w.rule.name}
          </div>
          <ul>
            {w.reasons.map((r) => <li key={r}>{r}</li>)}
          </ul>
          <div className="lz-warning-tip-meta">
            规则 {w.rule.code}（第 {w.rule.version} 版）　{w.ends ? `至 ${w.ends}` : '持续至办结'}
          </div>
        </div>
      ))}
    </div>
  );
}

/**
 * The colour tag; `details` (all active warnings) widen the tooltip beyond the colour's own reasons. Nothing applies:
 * a muted 「无」 (or nothing with `hideNone`).
 */
export function WarningTag({ warning, details, asOf, hideNone, testId = 'warning-tag' }: {
  warning: WarningInfo | null | undefined;
  details?: readonly WarningInfo[];
  asOf?: string;
  hideNone?: boolean;
  testId?: string;
}) {
  if (!warning) return hideNone ? null : <span className="lz-muted" data-testid={`${testId}-none`}>无</span>;
  const list = details?.length ? details : [warning];
  return (
    <Tooltip title={<WarningExplanation warnings={list} asOf={asOf} />} placement="right" classNames={{ root: 'lz-warning-tooltip' }}>
      <Tag
        className="lz-warning-tag"
        data-testid={testId}
        data-level={warning.level.code}
        style={{ background: warning.level.hex, borderColor: warning.level.hex, color: textOn(warning.level.hex) }}
      >
        {warning.colour}
      </Tag>
    </Tooltip>
  );
}
