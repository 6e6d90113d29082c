import { CheckOutlined, EditOutlined, RollbackOutlined, SafetyCertificateOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { IssueAnswer, ReportView, SubmissionListItem } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { allowed } from './report-model';
import type { Role } from '@app/contracts';

/**
 * Trình ký (office), ký số or trả lại with a comment (vice-chairman), phát hành (records office),
 * đính chính (office: reopen units' submissions; an issued report is replaced when its replacement
 * is issued); each with the version the page read.
 */
export function SignOffActions({ report, role, onDone }: { report: ReportView; role: Role; onDone: () => Promise<unknown> }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<SubmissionListItem[] | null>(null);
  const [reason, setReason] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
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
  /**
   * Trình ký and ký: a revision that lacks units is refused (409 REPORT_UNITS_MISSING, with the units);
   * the user is asked, and when they accept, the same step is sent again naming those units (recorded).
   */
  const signOff = async (step: 'send' | 'sign', accepted?: string[]): Promise<void> => {
    try {
      await api.post(`/reports/${report.id}/${step}`, { version: report.version, ...(accepted ? { missingUnitsAccepted: accepted } : {}) });
    } catch (e) {
      const units = e instanceof ApiError && e.code === 'REPORT_UNITS_MISSING' && !accepted ? (e.body.units as string[] | undefined) : undefined;
      if (!units) throw e;
      const ok = await new Promise<boolean>((resolve) =>
        modal.confirm({
          title: t('report.missingUnits.title'),
          content: t('report.missingUnits.confirm', { units: units.join(', ') }),
          okText: t(step === 'send' ? 'report.send' : 'report.sign'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'confirm-missing-units' } as Record<`data-${string}`, string>,
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        }),
      );
      if (!ok) throw e;
      await signOff(step, units);
    }
  };
  const send = () =>
    modal.confirm({
      title: t('report.sendTitle', { n: revision }),
      content: t('report.sendText'),
      okText: t('report.send'),
      cancelText: t('common.cancel'),
      onOk: () => act(async () => (await signOff('send'), t('report.sent'))),
    });
  const sign = () =>
    modal.confirm({
      title: t('report.signTitle', { n: report.sentRevision ?? revision }),
      content: t('report.signText'),
      okText: t('report.sign'),
      cancelText: t('common.cancel'),
      onOk: () =>
        act(async () => {
          await signOff('sign');
          return t('report.signedMsg');
        }),
    });
  const issue = () =>
    modal.confirm({
      title: t('report.issueTitle', { n: report.sentRevision ?? revision }),
      content: t('report.issueText'),
      okText: t('report.issue'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-issue' } as Record<`data-${string}`, string>,
      onOk: () =>
        act(async () => {
          const issued = await api.post<IssueAnswer>(`/reports/${report.id}/issue`, { version: report.version });
          return t('report.issuedMsg', { numberLine: issued.numberLine, placeDate: issued.placeDate });
        }),
    });
  const openCorrection = async () => {
    try {
      const list = await api.get<SubmissionListItem[]>(`/submissions?periodId=${report.periodId}`);
      setCorrecting(list.filter((x) => x.state === 'approved'));
      setChosen([]);
      setReason('');
      setError(null);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const correct = async () => {
    if (!reason.trim()) return setError(t('report.correctReason'));
    if (chosen.length === 0) return setError(t('report.correctUnits'));
    try {
      await api.post(`/reports/${report.id}/corrections`, { version: report.version, reason, submissionIds: chosen });
      setCorrecting(null);
      message.success(t('report.correctStarted', { count: chosen.length }));
      await onDone();
    } catch (e) {
      setError(e instanceof ApiError ? `${e.message} (${e.code})` : String(e));
    }
  };
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
      {can.issue && (
        <Button type="primary" block size="large" icon={<SafetyCertificateOutlined />} onClick={issue} data-testid="issue">
          {t('report.issue')}
        </Button>
      )}
      {can.correct && (
        <Button block icon={<EditOutlined />} onClick={() => void openCorrection()} data-testid="correct">
          {t('report.correct')}
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
      <Modal
        open={correcting !== null}
        title={t('report.correctTitle')}
        okText={t('report.correct')}
        okButtonProps={{ 'data-testid': 'confirm-correct' }}
        cancelText={t('common.cancel')}
        onOk={correct}
        onCancel={() => setCorrecting(null)}
        width={640}
      >
        <p className="muted">{t('report.correctHelp')}</p>
        <label className="field-label" htmlFor="correct-reason">{t('report.correctReason')}</label>
        <Input.TextArea id="correct-reason" rows={3} value={reason} onChange={(e) => (setReason(e.target.value), setError(null))} maxLength={4000} data-testid="correct-reason" />
        <div className="field-label">{t('report.correctUnits')}</div>
        <Checkbox.Group
          className="correct-units"
          value={chosen}
          onChange={(v) => (setChosen(v as string[]), setError(null))}
          options={(correcting ?? []).map((x) => ({ value: x.id, label: <span data-testid="correct-unit" data-unit={x.unitCode}>{x.unitName}</span> }))}
        />
        {error && <div className="field-error">{error}</div>}
      </Modal>
    </div>
  );
}
