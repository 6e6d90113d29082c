import { LockOutlined, StopOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { Role, UnitView, UserView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useLoad } from '../shared/use-load';
import { CreateUserDialog } from './create-user-dialog';

const ROLE_COLOR: Record<Role, string> = { officer: 'blue', reviewer: 'purple', signer: 'red', clerk: 'gold', admin: 'default' };

/** Accounts: create one, reset a forgotten password (changed at next sign-in), deactivate and reactivate. */
export function UsersPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const data = useLoad(async () => {
    const [users, units] = await Promise.all([api.get<UserView[]>('/users'), api.get<UnitView[]>('/units')]);
    return { users, units };
  }, []);
  const unitName = useMemo(() => new Map((data.data?.units ?? []).map((u) => [u.id, `${u.code} · ${u.name}`])), [data.data]);
  const q = query.trim().toLowerCase();
  const shown = (data.data?.users ?? []).filter((u) => !q || `${u.username} ${u.fullName} ${unitName.get(u.unitId ?? '') ?? ''}`.toLowerCase().includes(q));

  const reset = (u: UserView) => {
    let password = '';
    modal.confirm({
      title: `${t('admin.users.resetPassword')}: ${u.username}`,
      icon: <LockOutlined />,
      content: <Input.Password autoFocus placeholder={t('admin.users.newPassword')} onChange={(e) => (password = e.target.value)} data-testid="new-password" />,
      okText: t('admin.users.resetPassword'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.post(`/users/${u.id}/password`, { password });
          message.success(t('admin.users.passwordReset', { user: u.username }));
        } catch (e) {
          message.error(e instanceof ApiError ? (e.details[0]?.message ?? e.message) : String(e));
          throw e; // keep the dialog open
        }
      },
    });
  };

  const setActive = async (u: UserView, active: boolean) => {
    try {
      await api.post(`/users/${u.id}/${active ? 'reactivate' : 'deactivate'}`);
      message.success(t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', { user: u.username }));
      await data.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="page" data-testid="users-page">
      <div className="page-head">
        <h2 className="page-title">{t('nav.admin.users')}</h2>
        <Space>
          <Input.Search allowClear placeholder="officer-snn, Sở Nông nghiệp…" onChange={(e) => setQuery(e.target.value)} style={{ width: 280 }} />
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
            {t('admin.users.create')}
          </Button>
        </Space>
      </div>
      {data.error && <Alert type="error" showIcon title={data.error.message} />}
      <Table<UserView>
        size="small"
        rowKey="id"
        loading={data.loading}
        dataSource={shown}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        sticky={{ offsetHeader: 52 }}
        columns={[
          { title: t('login.username'), dataIndex: 'username', width: 180, render: (v) => <code>{v}</code> },
          { title: t('admin.users.fullName'), dataIndex: 'fullName' },
          { title: t('admin.users.role'), dataIndex: 'role', width: 230, render: (r: Role, u) => <Space size={4}><Tag color={ROLE_COLOR[r]}>{t(`role.${r}`)}</Tag>{u.isLead && <Tag>{t('admin.users.lead')}</Tag>}</Space> },
          { title: t('common.unit'), dataIndex: 'unitId', render: (id: string | null) => (id ? unitName.get(id) : '') },
          {
            title: t('admin.users.active'),
            dataIndex: 'active',
            width: 170,
            render: (a: boolean, u) => (
              <Space size={4}>
                {a ? <Tag color="green">✓</Tag> : <Tag>—</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('admin.users.mustChange')}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            width: 270,
            align: 'right',
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" icon={<LockOutlined />} onClick={() => reset(u)}>{t('admin.users.resetPassword')}</Button>
                {u.active ? (
                  <Button size="small" danger icon={<StopOutlined />} onClick={() => setActive(u, false)} data-testid={`deactivate-${u.username}`}>{t('admin.users.deactivate')}</Button>
                ) : (
                  <Button size="small" icon={<UnlockOutlined />} onClick={() => setActive(u, true)} data-testid={`reactivate-${u.username}`}>{t('admin.users.reactivate')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && data.data && (
        <CreateUserDialog
          units={data.data.units.filter((u) => !u.effectiveTo)}
          onClose={() => setCreating(false)}
          onCreated={async (username) => {
            setCreating(false);
            message.success(t('admin.users.created', { user: username }));
            await data.reload();
          }}
        />
      )}
    </div>
  );
}
