import { Alert, Input, Modal } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { ReportSectionView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';

/**
 * Sửa một mục: the section's text (paragraphs separated by a blank line, footnote marks [^N]).
 * Saving makes a new revision. A stale version (someone saved first) is a 409: the page reloads
 * the latest revision, and the text typed here stays in the editor to be saved again.
 */
export function SectionEditor({
  reportId,
  section,
  version,
  onSaved,
  onConflict,
  onClose,
}: {
  reportId: string;
  section: ReportSectionView;
  version: number;
  onSaved: (revision: number) => Promise<void>;
  onConflict: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(section.text);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ code: string; message: string; conflict: boolean } | null>(null);
  const heading = [section.number, section.heading].filter(Boolean).join(' ');

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const answer = await api.put<{ version: number; revision: number }>(`/reports/${reportId}/sections/${encodeURIComponent(section.id)}`, { version, text });
      await onSaved(answer.revision);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e));
      const conflict = err.code === 'VERSION_CONFLICT';
      setError({ code: err.code, message: conflict ? t('report.conflict') : err.message, conflict });
      if (conflict) await onConflict();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={880}
      title={t('report.editTitle', { heading })}
      okText={t('report.saveSection')}
      cancelText={t('common.cancel')}
      onOk={save}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ disabled: text.trim() === '' || text === section.text, 'data-testid': 'save-section' }}
      maskClosable={false}
    >
      <p className="muted" style={{ marginTop: 0 }}>{t('report.editHelp')}</p>
      {error && (
        <Alert type={error.conflict ? 'warning' : 'error'} showIcon style={{ marginBottom: 8 }} title={error.message} description={<code>{error.code}</code>} data-testid="section-error" />
      )}
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 10, maxRows: 24 }} className="section-text" data-testid="section-text" />
    </Modal>
  );
}
