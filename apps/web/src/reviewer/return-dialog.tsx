import { Alert, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

interface Props {
  unitName: string;
  comments: Array<{ indicatorCode: string; name: string; text: string }>;
  onCancel: () => void;
  onReturn: (reason: string) => Promise<void>;
}

/** A return always carries a reason (the API refuses one without); the comments on single figures go with it. */
export function ReturnDialog({ unitName, comments, onCancel, onReturn }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const missing = reason.trim() === '';

  const ok = async () => {
    setTouched(true);
    if (missing) return;
    setBusy(true);
    try {
      await onReturn(reason.trim());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('review.returnTitle', { unit: unitName })}
      okText={t('review.return')}
      okButtonProps={{ danger: true, loading: busy, ...{ 'data-testid': 'confirm-return' } }}
      cancelText={t('common.cancel')}
      onOk={ok}
      onCancel={onCancel}
      width={620}
    >
      <label className="field-label" htmlFor="return-reason">{t('review.reason')}</label>
      <Input.TextArea
        id="return-reason"
        autoFocus
        autoSize={{ minRows: 3, maxRows: 8 }}
        value={reason}
        status={touched && missing ? 'error' : undefined}
        onChange={(e) => setReason(e.target.value)}
        data-testid="return-reason"
      />
      {touched && missing && <div className="field-error">RETURN_REASON_REQUIRED · {t('review.reasonRequired')}</div>}
      {comments.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          title={t('review.commentsCount', { n: comments.length })}
          description={
            <ul className="comment-summary">
              {comments.map((c) => (
                <li key={c.indicatorCode}>
                  <b>{c.name}:</b> {c.text}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
