// GraphQL of the national work calendar (docs/work-calendar.md): every signed-in role reads it; the root tenant's
// administrator sets and clears days.
import { builder } from '../../graphql/builder.js';
import { authorize } from '../../graphql/context.js';
import { commandContext } from '../command.js';
import { clearWorkDay, setWorkDay } from './commands.js';
import { calendarCoverage, calendarYear, type CalendarDay, type CalendarYear, type Coverage } from './index.js';

const WorkCalendarDay = builder.objectRef<CalendarDay>('WorkCalendarDay').implement({
  description: '工作日历中有安排的一天：法定节假日放假（休息日）或调休上班',
  fields: (t) => ({
    date: t.exposeString('date', { description: 'YYYY-MM-DD' }),
    working: t.exposeBoolean('working', { description: 'true：调休上班；false：放假休息' }),
    kind: t.exposeString('kind', { description: '休息日 或 调休上班' }),
    name: t.exposeString('name', { description: '节日名称，如 国庆节、春节' }),
    source: t.exposeString('source', { description: 'chinese-days：随系统发布的国务院安排；admin：管理员录入' }),
    updatedByName: t.exposeString('updatedByName', { nullable: true, description: '最后修改人（管理员录入时）' }),
  }),
});

const WorkCalendarYear = builder.objectRef<CalendarYear>('WorkCalendarYear').implement({
  description: '某一年的工作日历：未列出的日期按周一至周五上班、周六周日休息',
  fields: (t) => ({
    year: t.exposeInt('year'),
    covered: t.exposeBoolean('covered', { description: '该年的放假安排已录入；未覆盖的年份按周一至周五计算工作日' }),
    notice: t.exposeString('notice', { nullable: true, description: '未覆盖时的提示，如「工作日历未覆盖 2028 年，请管理员补充节假日安排」' }),
    days: t.field({ type: [WorkCalendarDay], resolve: (y) => y.days }),
  }),
});

const WorkCalendarCoverage = builder.objectRef<Coverage>('WorkCalendarCoverage').implement({
  description: '工作日历覆盖的年份',
  fields: (t) => ({
    from: t.exposeInt('from', { nullable: true }),
    to: t.exposeInt('to', { nullable: true }),
    years: t.exposeIntList('years'),
  }),
});

builder.queryField('workCalendar', (t) =>
  t.field({
    extensions: { auditLabel: '查看工作日历' },
    type: WorkCalendarYear,
    description: '某一年的法定节假日和调休安排（全国统一，各机构共用）',
    args: { year: t.arg.int({ required: true }) },
    resolve: (_r, { year }, ctx) => calendarYear(authorize(ctx, 'read', 'WorkCalendar').trx, year),
  }),
);

builder.queryField('workCalendarCoverage', (t) =>
  t.field({
    extensions: { auditLabel: '查看工作日历覆盖年份' },
    type: WorkCalendarCoverage,
    description: '工作日历已录入放假安排的年份',
    resolve: (_r, _a, ctx) => calendarCoverage(authorize(ctx, 'read', 'WorkCalendar').trx),
  }),
);

builder.mutationField('setWorkDay', (t) =>
  t.field({
    extensions: { auditLabel: '设置工作日历' },
    type: WorkCalendarDay,
    description: '设置某日为放假休息（working: false）或调休上班（working: true），并命名（如 国庆节）；仅顶级机构的系统管理员',
    args: {
      date: t.arg.string({ required: true }),
      working: t.arg.boolean({ required: true }),
      name: t.arg.string(),
    },
    resolve: (_r, { date, working, name }, ctx) => setWorkDay(commandContext(ctx), date, working, name),
  }),
);

builder.mutationField('clearWorkDay', (t) =>
  t.field({
    extensions: { auditLabel: '清除工作日历安排' },
    type: 'Boolean',
    description: '清除某日的放假或调休安排，恢复为周一至周五上班；仅顶级机构的系统管理员',
    args: { date: t.arg.string({ required: true }) },
    resolve: (_r, { date }, ctx) => clearWorkDay(commandContext(ctx), date),
  }),
);
