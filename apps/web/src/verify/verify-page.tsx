import { CheckCircleFilled, CloseCircleFilled, InboxOutlined, WarningFilled } from '@ant-design/icons';
import type { VerificationView } from '@app/contracts';
import { Alert, Descriptions, Spin, Table, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, postPdf } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { formatDate, formatDateTime } from '../shared/format';

/**
 * Kiểm tra văn bản: anyone signed in drops a PDF and learns whether it is a document issued by this
 * system, unchanged, who signed it and when (POST /api/documents/verify); from a report page, the
 * report's own file is checked (GET /api/reports/:id/verify).
 */
export function VerifyPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerificationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reportId = params.get('report');

  const run = async (ask: () => Promise<VerificationView>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await ask());
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    if (reportId) void run(() => api.get<VerificationView>(`/reports/${reportId}/verify`));
  }, [reportId]);

  const yes = (v: boolean) => (v ? <span className="ok">{t('verify.yes')}</span> : <span className="bad">{t('verify.no')}</span>);
  const verdict = !result ? null : result.issuedHere && result.intact ? 'ok' : result.signatures.length > 0 && result.signatures.every((s) => s.intact) ? 'warn' : 'bad';
  return (
    <div className="page verify-page" data-testid="verify-page">
      <h2 className="page-title">{t('verify.title')}</h2>
      <Upload.Dragger
        accept="application/pdf,.pdf"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void run(async () => postPdf<VerificationView>('/documents/verify', file));
          return false;
        }}
        data-testid="verify-drop"
      >
        <p className="ant-upload-drag-icon"><InboxOutlined /></p>
        <p className="ant-upload-hint">{t('verify.help')}</p>
      </Upload.Dragger>
      {busy && <Spin tip={t('verify.checking')} />}
      {error && <Alert type="error" showIcon title={error} />}
      {result && (
        <div className="verify-result" data-testid="verify-result" data-verdict={verdict} data-issued={String(result.issuedHere)} data-intact={String(result.intact)}>
          <Alert
            type={verdict === 'ok' ? 'success' : verdict === 'warn' ? 'warning' : 'error'}
            showIcon
            icon={verdict === 'ok' ? <CheckCircleFilled /> : verdict === 'warn' ? <WarningFilled /> : <CloseCircleFilled />}
            title={verdict === 'ok' ? t('verify.ok') : verdict === 'warn' ? t('verify.notHere') : t('verify.bad')}
            description={<span data-testid="verify-summary">{result.summary}</span>}
          />
          <Descriptions size="small" column={1} bordered>
            {result.document && (
              <Descriptions.Item label={t('verify.document')}>
                <Link to={`/reports/${result.document.reportId}`}>{result.document.numberLine ?? ''}</Link>
                {result.document.documentDate ? ` · ${formatDate(result.document.documentDate)}` : ''}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('verify.sha256')}>
              <code>{result.sha256}</code>
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey={(s) => `${s.field}-${s.signingTime}`}
            dataSource={result.signatures}
            columns={[
              { title: t('verify.signer'), render: (_, s) => <span data-testid="verify-signer">{s.commonName}{s.organization && s.organization !== s.commonName ? ` (${s.organization})` : ''}</span> },
              { title: t('verify.time'), render: (_, s) => (s.signingTime ? formatDateTime(s.signingTime) : '') },
              { title: t('verify.intact'), render: (_, s) => yes(s.intact) },
              { title: t('verify.trusted'), render: (_, s) => yes(s.trusted) },
              { title: t('verify.whole'), render: (_, s) => yes(s.coversWholeDocument) },
            ]}
          />
        </div>
      )}
    </div>
  );
}
