import { CommentOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import type { ErrorDetail } from '@app/domain';
import { memo, KeyboardEvent } from 'react';
import type { Translate } from '../i18n/i18n';
import { fmtChange, fmtFigure, fmtPct } from '../shared/format';
import type { CellField, CellState, RowModel } from './form-model';
import { formatTyped } from './typing';

export interface RowProps {
  row: RowModel;
  state: CellState;
  problems: ErrorDetail[] | undefined;
  comments: string[] | undefined;
  highlight: boolean;
  editable: boolean;
  onChange: (code: string, field: CellField, text: string) => void;
  t: Translate;
}

/** Enter moves to the next figure (Tab still walks every field); Shift+Enter to the previous one. */
export function moveOnEnter(e: KeyboardEvent<HTMLInputElement>) {
  if (e.key !== 'Enter') return;
  e.preventDefault();
  const all = [...document.querySelectorAll<HTMLInputElement>('input[data-nav="value"]:not([disabled])')];
  const next = all[all.indexOf(e.currentTarget) + (e.shiftKey ? -1 : 1)];
  if (next) {
    next.focus();
    next.select();
  }
}

function samePeriodText(row: RowModel, state: CellState, t: Translate) {
  const d = state.derived;
  if (!d || !row.view.rule.hasSamePeriod) return '';
  if (row.view.rule.samePeriodStyle === 'ratio') return d.samePeriodRatioPct ? fmtPct(d.samePeriodRatioPct) : '';
  return fmtChange(d.samePeriodChangePct);
}

function FormRowImpl({ row, state, problems, comments, highlight, editable, onChange, t }: RowProps) {
  const v = row.view;
  const errors = [...state.errors, ...(problems ?? [])];
  const invalid = errors.length > 0;
  const cls = ['row', row.depth ? 'row-part' : '', state.dirty ? 'row-dirty' : '', highlight ? 'row-conflict' : '', invalid ? 'row-invalid' : '', comments ? 'row-commented' : ''].join(' ');
  const name = (
    <td className="col-name" title={v.indicatorCode}>
      {row.depth > 0 && <span className="of-which">{t('form.ofWhich')}: </span>}
      {v.name}
      {v.required && <span className="req" title={t('form.required')}>*</span>}
      {comments && <CommentOutlined className="comment-mark" />}
    </td>
  );
  const messages = (invalid || comments) && (
    <tr className="row-messages" data-messages-for={v.indicatorCode}>
      <td colSpan={10}>
        {errors.map((e, i) => (
          <div key={`e${i}`} className="msg msg-error" data-code={e.code}>
            <ExclamationCircleFilled /> <code>{e.code}</code> {e.message}
          </div>
        ))}
        {comments?.map((c, i) => (
          <div key={`c${i}`} className="msg msg-comment">
            <CommentOutlined /> <b>{t('form.comment')}:</b> {c}
          </div>
        ))}
      </td>
    </tr>
  );

  if (v.kind === 'text') {
    return (
      <>
        <tr className={cls} data-code={v.indicatorCode}>
          {name}
          <td colSpan={9}>
            <textarea
              className="cell-text"
              rows={Math.min(8, Math.max(2, Math.ceil(state.text.value.length / 140)))}
              value={state.text.value}
              disabled={!editable}
              placeholder={editable ? t('form.textPlaceholder') : ''}
              onChange={(e) => onChange(v.indicatorCode, 'value', e.target.value)}
              aria-label={v.name}
            />
          </td>
        </tr>
        {messages}
      </>
    );
  }

  const d = state.derived;
  const decimals = v.rule.decimals;
  const cumulativeBasis = v.rule.compareOn === 'cumulative' && v.rule.hasCumulative;
  const number = (field: CellField, nav?: string) => (
    <input
      className="cell-input num"
      inputMode="decimal"
      autoComplete="off"
      value={state.text[field]}
      disabled={!editable}
      data-nav={nav}
      data-field={field}
      aria-label={`${v.name}${field === 'cumulative' ? ` (${t('form.col.cumulative')})` : ''}`}
      aria-invalid={invalid}
      onChange={(e) => onChange(v.indicatorCode, field, e.target.value)}
      onBlur={(e) => {
        const shown = formatTyped(e.target.value);
        if (shown !== e.target.value) onChange(v.indicatorCode, field, shown);
      }}
      onKeyDown={moveOnEnter}
    />
  );
  return (
    <>
      <tr className={cls} data-code={v.indicatorCode}>
        {name}
        <td className="col-unit">{v.unit}</td>
        <td className="num ref">{fmtFigure(v.derived?.lastMonth, decimals)}</td>
        <td className="num ref">
          {cumulativeBasis && d?.samePeriodBase && <span className="basis-tag" title={t('form.col.cumulative')}>LK</span>}
          {fmtFigure(d?.samePeriodBase, decimals)}
        </td>
        <td className="num ref">{fmtFigure(row.plan, null)}</td>
        <td className="cell-edit">{number('value', 'value')}</td>
        <td className="num derived" data-derived="cumulative">
          {row.needsCumulative && editable ? number('cumulative') : v.rule.hasCumulative ? fmtFigure(d?.cumulative, decimals) : ''}
          {d?.cumulativeMismatch && <span className="mismatch" title={t('form.cumulativeMismatch', { computed: fmtFigure(d.computedCumulative, decimals) })}>≠</span>}
        </td>
        <td className="num derived" data-derived="planPct">{v.rule.hasPlan ? fmtPct(d?.planPct) : ''}</td>
        <td className="num derived" data-derived="samePeriod">{samePeriodText(row, state, t)}</td>
        <td className="cell-edit">
          {(editable || state.text.status) && <select
            className="cell-input status"
            value={state.text.status}
            disabled={!editable}
            data-field="status"
            aria-label={`${t('form.col.status')}: ${v.name}`}
            title={t('form.col.status')}
            onChange={(e) => onChange(v.indicatorCode, 'status', e.target.value)}
          >
            {STATUS_OPTIONS.map((o) => (
              <option key={o} value={o}>{t(o ? `status.${o}` : 'status.none')}</option>
            ))}
          </select>}
          <input
            className="cell-input note"
            value={state.text.note}
            disabled={!editable}
            aria-label={`${t('form.col.note')}: ${v.name}`}
            onChange={(e) => onChange(v.indicatorCode, 'note', e.target.value)}
          />
        </td>
      </tr>
      {messages}
    </>
  );
}

const STATUS_OPTIONS = ['', 'estimate', 'preliminary', 'official'] as const;

const sig = (p: ErrorDetail[] | undefined) => (p ? p.map((x) => x.code + x.message).join('|') : '');

/** Only the row whose text changed re-renders on a keystroke (its state object is the only new one). */
export const FormRow = memo(
  FormRowImpl,
  (a, b) =>
    a.row === b.row && a.state === b.state && a.highlight === b.highlight && a.editable === b.editable &&
    a.comments === b.comments && a.onChange === b.onChange && a.t === b.t && sig(a.problems) === sig(b.problems),
);
