// 新建干部: a cadre filed by hand, its basic information laid out as the 干部任免审批表 lays it out (姓名 性别
// 出生年月 / 民族 籍贯 出生地 / 入党时间 参加工作时间 健康状况 / 专业技术职务 熟悉专业有何专长 / 学历学位 全日制 · 在职
// with 毕业院校系及专业 / 现任职务 拟任职务 拟免职务), and the unit chosen from the body's unit tree. The controls are
// the archive editor's (ProfileEditor's FieldInput), so month fields and code pickers behave the same everywhere.
import { Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { mutate } from '../../api/query';
import { useAuth } from '../../auth/AuthProvider';
import { FormModal, useMutationModal } from '../../components/FormModal';
import { UnitPicker } from '../../components/UnitPicker';
import { graphql } from '../../gql';
import type { CadreInput } from '../../gql/graphql';
import { FieldInput, idNumberOk, rulesOf } from '../archive/ProfileEditor';
import { PROFILE_FIELDS, type ProfileField } from '../archive/profile';
import { CadresDocument, UnitsDocument } from './queries';
import './new-cadre.css';

export const CreateCadreDocument = graphql(`
  mutation CreateCadre($input: CadreInput!) {
    createCadre(input: $input) { id name unit { id name } }
  }
`);

const field = (name: string): ProfileField => PROFILE_FIELDS.find((f) => f.name === name)!;

/** The rows of the form, as on the paper: [field, columns it spans]. */
const LAYOUT: { title: string; rows: [string, number?][][] }[] = [
  {
    title: '基本情况',
    rows: [
      [['name'], ['sex'], ['birthMonth']],
      [['ethnicity'], ['nativePlace'], ['birthPlace']],
      [['partyJoin'], ['workStart'], ['health']],
      [['politicalStatus'], ['professionalTitle'], ['specialty']],
    ],
  },
  {
    title: '学历学位',
    rows: [
      [['eduFtLevel'], ['eduFtDegree'], ['eduFtLevelSchool']],
      [['eduPtLevel'], ['eduPtDegree'], ['eduPtLevelSchool']],
    ],
  },
  {
    title: '职务',
    rows: [
      [['position', 2], ['rank']],
      [['proposedPosition'], ['proposedRemoval'], ['managementLevel']],
    ],
  },
];

type Values = Record<string, unknown> & { unitId?: string; idNumber?: string };

export function NewCadreModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const modal = useMutationModal(open, onClose);

  const save = () => modal.submit(form, async (v) => {
    const input: Record<string, unknown> = { unitId: v.unitId };
    for (const f of PROFILE_FIELDS) {
      const x = v[f.name];
      if (x === undefined || x === null) continue;
      const s = String(x).trim();
      if (s) input[f.name] = s;
    }
    if (v.idNumber?.trim()) input.idNumber = v.idNumber.trim();
    const r = await mutate(CreateCadreDocument, [CadresDocument, UnitsDocument], { input: input as CadreInput });
    message.success(`已新建干部「${r.createCadre.name}」，放入「${r.createCadre.unit.name}」`);
    onClose();
    navigate(`/cadres/${r.createCadre.id}`);
  });

  return (
    <FormModal modal={modal} title="新建干部" width={960} okText="新建" onOk={save} okTestId="new-cadre-save" errorTestId="new-cadre-error">
      <Form form={form} layout="vertical" autoComplete="off" className="lz-new-cadre" data-testid="new-cadre-form">
        <Form.Item name="unitId" label="所在单位" rules={[{ required: true, message: '请选择干部所在的单位' }]} className="lz-new-cadre-unit">
          <UnitPicker tenantId={me?.tenant.id} testId="new-cadre-unit" width="100%" placeholder="从本机构的单位目录中选择" id="new-cadre-unit" />
        </Form.Item>
        {LAYOUT.map((section) => (
          <section key={section.title} className="lz-new-cadre-section">
            <div className="lz-new-cadre-title">{section.title}</div>
            {section.rows.map((row, i) => (
              <div key={i} className="lz-new-cadre-row">
                {row.map(([name, span]) => {
                  const f = field(name);
                  return (
                    <Form.Item key={name} name={name} label={f.label} rules={rulesOf(f)} className={span === 2 ? 'lz-span-2' : undefined}>
                      <FieldInput f={f} />
                    </Form.Item>
                  );
                })}
              </div>
            ))}
          </section>
        ))}
        <section className="lz-new-cadre-section">
          <div className="lz-new-cadre-title">身份</div>
          <div className="lz-new-cadre-row">
            <Form.Item name="idNumber" label="公民身份号码" className="lz-span-2"
              rules={[{ validator: (_r, v: string | undefined) => (!v || idNumberOk(v) ? Promise.resolve() : Promise.reject(new Error('公民身份号码无效（18 位，校验码须符合 GB 11643）'))) }]}>
              <Input maxLength={18} id="new-cadre-idNumber" placeholder="18 位公民身份号码（可稍后补充）" />
            </Form.Item>
          </div>
        </section>
      </Form>
    </FormModal>
  );
}
