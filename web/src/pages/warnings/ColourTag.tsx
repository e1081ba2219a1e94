// A warning colour as a tag in its own colour (dark text on light colours such as 黄).
import { Tag } from 'antd';
import { textOn } from './ruleForm';

export function ColourTag({ name, hex, testId }: { name: string; hex: string; testId?: string }) {
  return (
    <Tag className="lz-colour-tag" style={{ background: hex, color: textOn(hex), borderColor: hex }} data-testid={testId}>
      {name}
    </Tag>
  );
}
