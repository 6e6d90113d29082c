import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useSession } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * The user's own password change: forced (the administrator set the password, nothing else opens
 * until it is changed) or chosen from the header. The server ends every other session.
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { changePassword, logout } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success(t('account.password.done'));
      if (!forced) navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? (e.details[0]?.message ?? e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={forced ? 'login-page' : 'page'} data-testid="change-password-page">
      <Card className="login-card" title={<h1 className="page-title" style={{ margin: 0 }}>{t('account.password.title')}</h1>}>
        {forced && <Alert type="warning" showIcon title={t('account.password.forced')} style={{ marginBottom: 16 }} />}
        <Typography.Paragraph type="secondary">{t('account.password.rule')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={finish} requiredMark={false}>
          <Form.Item name="currentPassword" label={t('account.password.current')} rules={[{ required: true, message: t('login.required', { field: t('account.password.current').toLowerCase() }) }]}>
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('account.password.new')} rules={[{ required: true, message: t('login.required', { field: t('account.password.new').toLowerCase() }) }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('account.password.repeat')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('login.required', { field: t('account.password.repeat').toLowerCase() }) },
              ({ getFieldValue }) => ({ validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.password.mismatch')))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="change-password-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="change-password-submit">
            {t('account.password.submit')}
          </Button>
          {forced && (
            <Button type="link" block onClick={logout} style={{ marginTop: 8 }}>
              {t('relogin.signOut')}
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
