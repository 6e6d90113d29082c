import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../shell/language-switch';
import { Emblem } from '../shell/emblem';
import { useSession } from './session';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const finish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-brand">
        <Emblem size={56} />
        <div>
          <div className="login-province">{t('province')}</div>
          <h1 className="login-title">{t('appName')}</h1>
          <div className="login-tagline">{t('appTagline')}</div>
        </div>
      </div>
      <Card className="login-card" title={t('login.title')} extra={<LanguageSwitch />}>
        <Form layout="vertical" onFinish={finish} requiredMark={false} size="large">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { field: t('login.username').toLowerCase() }) }]}>
            <Input autoFocus autoComplete="username" placeholder="officer-snn" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password').toLowerCase() }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
