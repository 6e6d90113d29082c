import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { FormEditor } from '../officer/use-form-editor';
import { periodName } from '../shared/period-name';

/** Export and import buttons; ExcelJS is loaded only when one is used. */
export function ExcelActions({ editor }: { editor: FormEditor }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const view = editor.view!;
  const fileName = `bao-cao-${view.unitCode.toLowerCase()}-${view.period.year}-${String(view.period.number).padStart(2, '0')}.xlsx`;

  const exportFile = async () => {
    setBusy(true);
    try {
      const { buildWorkbook } = await import('./form-workbook');
      const title = `BIỂU SỐ LIỆU TÌNH HÌNH KINH TẾ - XÃ HỘI — ${periodName(view.period, 'vi').toUpperCase()}`;
      const data = await buildWorkbook(view, editor.rows, editor.states, title);
      const url = URL.createObjectURL(new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const { readWorkbook } = await import('./form-workbook');
      const texts = Object.fromEntries(editor.rows.map((r) => [r.code, editor.states.get(r.code)!.text]));
      const result = await readWorkbook(await file.arrayBuffer(), editor.rows, texts);
      if (!result) return void message.error(t('form.excel.wrongFile'));
      if (result.errors.length > 0) {
        modal.error({
          title: t('form.excel.errors', { n: result.errors.length }),
          width: 640,
          content: (
            <ul className="import-errors">
              {result.errors.map((e) => (
                <li key={e.cell}>
                  <b>{e.cell}</b> <code>{e.code}</code> {e.message}
                </li>
              ))}
            </ul>
          ),
        });
        return;
      }
      const n = Object.keys(result.edits).length;
      if (n === 0) return void message.info(t('form.excel.noChange'));
      editor.applyImported(result.edits);
      message.success(t('form.excel.imported', { n }));
    } catch {
      message.error(t('form.excel.wrongFile'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Space>
      <Button icon={<DownloadOutlined />} onClick={exportFile} loading={busy} data-testid="excel-export">
        {t('form.excel.export')}
      </Button>
      {editor.editable && (
        <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} disabled={busy} data-testid="excel-import">
          {t('form.excel.import')}
        </Button>
      )}
      <input ref={input} type="file" accept=".xlsx" hidden data-testid="excel-file" onChange={(e) => e.target.files?.[0] && void importFile(e.target.files[0])} />
    </Space>
  );
}
