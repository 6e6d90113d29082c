import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

interface Props {
  username: string;
  onSubmit: (password: string) => Promise<void>;
  onSignOut: () => void;
}

/** Shown over the page when a call answers 401: the page, and whatever was typed on it, stays put. */
export function ReloginDialog({ username, onSubmit, onSignOut }: Props) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (values: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('relogin.title')} closable={false} maskClosable={false} keyboard={false} footer={null} data-testid="relogin">
      <Typography.Paragraph>{t('relogin.text')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={finish} requiredMark={false}>
        <Form.Item label={t('login.username')}>
          <Input value={username} disabled aria-label={t('login.username')} />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password').toLowerCase() }) }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Button onClick={onSignOut}>{t('relogin.signOut')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('relogin.continue')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
