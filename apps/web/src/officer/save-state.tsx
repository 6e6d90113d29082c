import { CheckOutlined, CloudSyncOutlined, ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n';
import type { FormEditor } from './use-form-editor';

/** "Đã lưu lúc 14:05" / "3 thay đổi chưa lưu" / the last error, in one quiet line. */
export function SaveState({ editor }: { editor: FormEditor }) {
  const { t } = useI18n();
  if (!editor.editable) return null;
  const { saving, savedAt, error } = editor.status;
  const pending = editor.dirtyCodes.length - editor.invalidCount;
  let content;
  if (saving) content = <span className="save-state saving"><CloudSyncOutlined spin /> {t('form.saving')}</span>;
  else if (error && error.code !== 'VERSION_CONFLICT') content = <span className="save-state failed"><ExclamationCircleOutlined /> {error.message}</span>;
  else if (pending > 0) content = <span className="save-state pending">{t('form.unsaved', { n: pending })}</span>;
  else if (savedAt) content = <span className="save-state saved"><CheckOutlined /> {t('form.saved', { time: savedAt.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }) })}</span>;
  else content = <span className="save-state saved"><CheckOutlined /> {t('form.allSaved')}</span>;
  return (
    <div className="save-line" data-testid="save-state">
      {content}
      {editor.invalidCount > 0 && (
        <span className="save-state failed">
          <WarningOutlined /> {t('form.invalidCells', { n: editor.invalidCount })}
        </span>
      )}
    </div>
  );
}
