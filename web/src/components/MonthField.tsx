// The one month control of the console (出生年月, 参加工作时间, 入党时间, résumé and family rows): a month picker
// (zh-CN, shown as 1975.03) whose value is the string the API stores and takes, YYYYMM ('197503'), '' when empty.
// Drops into a Form.Item like an Input.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MONTH_FORMAT, STORED_MONTH, STORED_MONTH_FORMAT } from './format';

export interface MonthFieldProps {
  value?: string | null;
  onChange?: (value: string) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  'data-testid'?: string;
}

/** A stored month as the picker's value (null for '' or anything that is not YYYYMM). */
export const monthValue = (v: string | null | undefined): Dayjs | null =>
  v && STORED_MONTH.test(v) ? dayjs(`${v.slice(0, 4)}-${v.slice(4)}-01`) : null;

/** Months the API accepts: 1900.01–2099.12. */
const outOfRange = (d: Dayjs) => d.year() < 1900 || d.year() > 2099;

export function MonthField({ value, onChange, id, placeholder = '选择年月', disabled, className, ...rest }: MonthFieldProps) {
  return (
    <DatePicker
      picker="month" format={MONTH_FORMAT} value={monthValue(value)} id={id} placeholder={placeholder} disabled={disabled}
      className={className} style={{ width: '100%' }} disabledDate={outOfRange} data-testid={rest['data-testid']}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(STORED_MONTH_FORMAT) : '')}
    />
  );
}
