import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { NewAccount, Role, UnitView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';

type Values = NewAccount;

export function CreateUserDialog({ units, onClose, onCreated }: { units: UnitView[]; onClose: () => void; onCreated: (username: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/users', { ...v, email: v.email || undefined, unitCode: v.role === 'officer' ? v.unitCode : undefined, isLead: v.role === 'reviewer' ? !!v.isLead : undefined });
      onCreated(v.username);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('admin.users.create')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy }} okText={t('admin.users.create')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={create} initialValues={{ role: 'officer' }}>
        <Form.Item name="fullName" label={t('admin.users.fullName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,62}$/ }]} extra="a-z, 0-9, . _ -">
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('admin.users.newPassword')} rules={[{ required: true, min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="role" label={t('admin.users.role')} rules={[{ required: true }]}>
          <Select options={(['officer', 'reviewer', 'signer', 'clerk', 'admin'] as Role[]).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        {role === 'officer' && (
          <Form.Item name="unitCode" label={t('common.unit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={units.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))} />
          </Form.Item>
        )}
        {role === 'reviewer' && (
          <Form.Item name="isLead" valuePropName="checked">
            <Checkbox>{t('admin.users.lead')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item name="email" label={t('admin.users.email')} rules={[{ type: 'email' }]}>
          <Input />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error.message} description={error.details.map((d) => d.message).join(' ')} />}
      </Form>
    </Modal>
  );
}
