import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { ReportView, SignAnswer } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { allowed } from './report-model';
import type { Role } from '@app/contracts';

/** Trình ký (office), ký ban hành or trả lại with a comment (vice-chairman); each with the version the page read. */
export function SignOffActions({ report, role, onDone }: { report: ReportView; role: Role; onDone: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const can = allowed(report, role);
  const revision = report.current?.number ?? 0;

  const act = async (run: () => Promise<string>) => {
    try {
      message.success(await run());
    } catch (e) {
      message.error(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
    } finally {
      await onDone(); // a 409 means someone acted first: show what is there now
    }
  };
  const send = () =>
    modal.confirm({
      title: t('report.sendTitle', { n: revision }),
      content: t('report.sendText'),
      okText: t('report.send'),
      cancelText: t('common.cancel'),
      onOk: () => act(async () => (await api.post(`/reports/${report.id}/send`, { version: report.version }), t('report.sent'))),
    });
  const sign = () =>
    modal.confirm({
      title: t('report.signTitle', { n: report.sentRevision ?? revision }),
      content: t('report.signText'),
      okText: t('report.sign'),
      cancelText: t('common.cancel'),
      onOk: () =>
        act(async () => {
          const signed = await api.post<SignAnswer>(`/reports/${report.id}/sign`, { version: report.version });
          return t('report.signedMsg', { numberLine: signed.numberLine });
        }),
    });
  const giveBack = async () => {
    if (!comment.trim()) return setError(t('report.returnComment'));
    try {
      await api.post(`/reports/${report.id}/return`, { version: report.version, comment });
      setReturning(false);
      setComment('');
      message.success(t('report.returned'));
      await onDone();
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
    }
  };

  return (
    <div className="side-actions">
      {can.send && (
        <Button type="primary" block icon={<SendOutlined />} onClick={send} data-testid="send">
          {t('report.send')}
        </Button>
      )}
      {can.sign && (
        <Button type="primary" block size="large" icon={<CheckOutlined />} onClick={sign} data-testid="sign">
          {t('report.sign')}
        </Button>
      )}
      {can.return && (
        <Button block danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="return-report">
          {t('report.return')}
        </Button>
      )}
      <Modal
        open={returning}
        title={t('report.returnTitle')}
        okText={t('report.return')}
        okButtonProps={{ danger: true, 'data-testid': 'confirm-return-report' }}
        cancelText={t('common.cancel')}
        onOk={giveBack}
        onCancel={() => setReturning(false)}
      >
        <label className="field-label" htmlFor="return-comment">{t('report.returnComment')}</label>
        <Input.TextArea id="return-comment" rows={4} value={comment} onChange={(e) => (setComment(e.target.value), setError(null))} maxLength={4000} data-testid="return-comment" />
        {error && <div className="field-error">{error}</div>}
      </Modal>
    </div>
  );
}
