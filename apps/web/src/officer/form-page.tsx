import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ExcelActions } from '../excel/excel-actions';
import { useI18n } from '../i18n/i18n';
import { useMe } from '../session/session';
import { FullPageSpin } from '../shared/full-page-spin';
import { NotFoundPage } from '../shared/not-found-page';
import { periodName } from '../shared/period-name';
import { MonthFigures, MonthStates } from './month-figures';
import { OfficialFigures } from './official-figures';
import { DeadlineText, StateTag } from '../shared/state-tag';
import { useStickyOffsets } from '../shared/use-sticky-offsets';
import { ColumnHeader } from './columns';
import { FormSheet } from './form-sheet';
import { ReviewHistory } from '../shared/review-history';
import { ReturnedNotice } from './returned-notice';
import { SaveState } from './save-state';
import { useFormEditor } from './use-form-editor';

/** The officer's form: sections and indicators as the template defines them, figures derived as they type. */
export function FormPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const editor = useFormEditor(id, me.id);
  const { view } = editor;
  const top = useRef<HTMLDivElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const page = useRef<HTMLDivElement>(null);
  useStickyOffsets(page, top, head, [view !== null]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void editor.saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor.saveNow]);

  const lastReturn = useMemo(() => (view?.state === 'returned' ? [...view.reviews].reverse().find((r) => r.action === 'return') : undefined), [view]);
  const comments = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const c of lastReturn?.comments ?? []) m.set(c.indicatorCode, [...(m.get(c.indicatorCode) ?? []), c.text]);
    return m;
  }, [lastReturn]);

  if (editor.loadError) return editor.loadError.status === 404 ? <NotFoundPage /> : <Alert type="error" showIcon title={editor.loadError.message} />;
  if (!view) return <FullPageSpin />;

  const submit = () =>
    modal.confirm({
      title: t('form.submitConfirm.title'),
      content: t('form.submitConfirm.text'),
      okText: t('form.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await editor.submit();
        if (result.ok) return void message.success(t('form.submitted'));
        message.error(t('form.fixBeforeSubmit', { n: result.problems }));
        requestAnimationFrame(() => document.querySelector('.row-invalid')?.scrollIntoView({ block: 'center' }));
      },
    });

  return (
    <div className="form-page" ref={page} data-testid="form-page">
      <div className="form-top" ref={top}>
        <div className="form-toolbar">
          <div className="form-title">
            <Link to="/unit" className="crumb">{t('nav.myForms')}</Link>
            <h2>
              {periodName(view.period, lang)} <span className="form-unit">— {view.unitName}</span>
            </h2>
            <Space size={12} wrap>
              <StateTag state={view.state} large />
              <span className="muted">{t('common.deadline')}:</span>
              <DeadlineText
                deadline={view.deadline}
                done={view.state === 'submitted' || view.state === 'approved'}
                extensionReason={view.extension?.reason ?? null}
              />
            </Space>
          </div>
          <div className="form-actions">
            <SaveState editor={editor} />
            <Space>
              <ExcelActions editor={editor} />
              {editor.editable && (
                <>
                  <Button icon={<SaveOutlined />} onClick={() => void editor.saveNow()} loading={editor.status.saving} data-testid="save">
                    {t('form.save')}
                  </Button>
                  <Button type="primary" icon={<SendOutlined />} onClick={submit} data-testid="submit">
                    {t('form.submit')}
                  </Button>
                </>
              )}
            </Space>
          </div>
        </div>
        {/* a conflict waits for the officer's decision: it stays in view while they check their figures */}
        {editor.conflict && (
          <Alert
            type="warning"
            showIcon
            data-testid="conflict"
            title={t('form.conflict.title')}
            description={t('form.conflict.text', { n: editor.dirtyCodes.length })}
            action={
              <Space orientation="vertical">
                <Button size="small" type="primary" onClick={() => void editor.resolveConflict(true)}>{t('form.conflict.keep')}</Button>
                <Button size="small" onClick={() => void editor.resolveConflict(false)}>{t('form.conflict.discard')}</Button>
              </Space>
            }
          />
        )}
      </div>
      <div className="form-notices">
        {view.monthStates && <MonthStates states={view.monthStates} />}
        {lastReturn && <ReturnedNotice review={lastReturn} values={view.values} />}
        {!editor.editable && <Alert type="info" showIcon title={t('form.readOnly', { state: t(`state.${view.state}`) })} />}
        {editor.restored > 0 && !editor.conflict && (
          <Alert type="info" showIcon closable onClose={editor.dismissRestored} title={t('form.restored', { n: editor.restored })} data-testid="restored" />
        )}
      </div>
      <div className="sheet-head-wrap" ref={head}>
        <ColumnHeader longer={view.period.type !== 'month'} />
      </div>
      <FormSheet
        sections={editor.sections}
        states={editor.states}
        problems={editor.problems}
        serverProblems={editor.serverProblems}
        comments={comments}
        conflict={editor.conflict}
        editable={editor.editable}
        onChange={editor.setCell}
      />
      {view.fromMonths && <MonthFigures figures={view.fromMonths} />}
      <OfficialFigures view={view} role={me.role === 'officer' ? 'officer' : 'other'} onChanged={editor.reload} />
      <ReviewHistory reviews={view.reviews} />
    </div>
  );
}
