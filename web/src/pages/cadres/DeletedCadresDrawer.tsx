// 已删除干部 (officers): cadres deleted by mistake, with who deleted them and when, each restorable (恢复).
import { Alert, Button, Drawer, Table } from 'antd';
import dayjs from 'dayjs';
import { mutate, useGqlQuery } from '../../api/query';
import { errorText } from '../../api/graphql';
import { ConfirmLink } from '../../components/ConfirmLink';
import { useAction } from '../../components/FormModal';
import { graphql } from '../../gql';
import { CadresDocument, UnitsDocument } from './queries';

export const DeletedCadresDocument = graphql(`
  query DeletedCadres {
    deletedCadres { id name birthMonth position deletedAt deletedByName unit { name } tenant { name } }
  }
`);

export const RestoreCadreDocument = graphql(`
  mutation RestoreCadre($id: ID!) { restoreCadre(id: $id) { id deleted } }
`);

export function DeletedCadresDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const list = useGqlQuery(DeletedCadresDocument, undefined, { enabled: open });
  const action = useAction();
  return (
    <Drawer title="已删除干部" open={open} onClose={onClose} size={760} destroyOnHidden data-testid="deleted-cadres">
      <p className="lz-muted">误建的干部删除后不出现在列表、查询和统计中；恢复后一切如前。</p>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <Table
        size="small" rowKey="id" loading={list.isFetching} dataSource={list.data?.deletedCadres ?? []} pagination={false}
        locale={{ emptyText: '没有已删除的干部' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 90 },
          { title: '单位', render: (_v, r) => r.unit.name },
          { title: '删除人', dataIndex: 'deletedByName', width: 90 },
          { title: '删除时间', dataIndex: 'deletedAt', width: 140, render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '') },
          {
            title: '操作', width: 80, render: (_v, r) => (
              <ConfirmLink
                title={`恢复干部「${r.name}」？`}
                loading={action.busy === r.id}
                testId="restore-cadre"
                action="恢复"
                onConfirm={() => action.run(r.id, () => mutate(RestoreCadreDocument, [CadresDocument, UnitsDocument, DeletedCadresDocument], { id: r.id }),
                  `已恢复干部「${r.name}」`)}
              />
            ),
          },
        ]}
      />
      <Button onClick={() => void list.refetch()} style={{ marginTop: 12 }}>刷新</Button>
    </Drawer>
  );
}
