import { CommentOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Input, Tooltip } from 'antd';
import type { SubmissionView, ValueView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { fmtChange, fmtFigure, fmtPct } from '../shared/format';
import type { Change, Flag } from './review-model';

interface Props {
  view: SubmissionView;
  changes: ReadonlyMap<string, Change>;
  flags: ReadonlyMap<string, Flag[]>;
  comments: Record<string, string>;
  canComment: boolean;
  onComment: (code: string, text: string | null) => void;
}

const HEAD = ['form.col.indicator', 'form.col.unit', 'review.col.value', 'form.col.lastMonth', 'form.col.samePeriod', 'form.col.cumulative', 'form.col.planPct', 'form.col.samePeriodPct', 'review.col.flags', 'review.col.comment'] as const;
const WIDTHS = [undefined, 84, 150, 100, 104, 112, 64, 84, 170, 64];

/** The column header, a table of its own (it sticks under the toolbar) with the sheet's widths. */
export function ReviewColumnHeader() {
  const { t } = useI18n();
  return (
    <table className="sheet sheet-head">
      <colgroup>{WIDTHS.map((w, i) => <col key={i} style={w ? { width: w } : undefined} />)}</colgroup>
      <thead>
        <tr>{HEAD.map((h, i) => <th key={h} className={i >= 2 && i <= 7 ? 'num' : ''}>{t(h)}</th>)}</tr>
      </thead>
    </table>
  );
}

/** A number row's figure (a DecimalString), as typed: up to its 6 decimals. */
const shown = (v: string | null, decimals: number | null) => (v === null ? '—' : fmtFigure(v, decimals, 6));

/** The submission as the office reads it: figures, what changed since the return, flags, and a comment box per indicator. */
export function ReviewSheet({ view, changes, flags, comments, canComment, onComment }: Props) {
  const { t } = useI18n();
  const row = (v: ValueView) => {
    const change = changes.get(v.indicatorCode);
    const d = v.derived;
    const decimals = v.rule.decimals;
    const f = flags.get(v.indicatorCode) ?? [];
    const comment = comments[v.indicatorCode];
    const commentCell = (
      <td className="col-comment">
        {canComment && comment === undefined && (
          <Tooltip title={t('review.addComment')}>
            <Button size="small" type="text" icon={<CommentOutlined />} onClick={() => onComment(v.indicatorCode, '')} aria-label={`${t('review.addComment')}: ${v.name}`} data-testid={`comment-${v.indicatorCode}`} />
          </Tooltip>
        )}
      </td>
    );
    return [
      <tr key={v.indicatorCode} className={`row ${v.parentCode ? 'row-part' : ''} ${change ? 'row-changed' : ''} ${f.length ? 'row-flagged' : ''}`} data-code={v.indicatorCode}>
        <td className="col-name">
          {v.parentCode && <span className="of-which">{t('form.ofWhich')}: </span>}
          {v.name}
        </td>
        {v.kind === 'text' ? (
          <td colSpan={8} className="text-value">
            {v.value || <span className="muted">—</span>}
            {change && <div className="changed-note">{t('review.changed', { old: String(change.before ?? '—').slice(0, 80) })}</div>}
          </td>
        ) : (
          <>
            <td className="col-unit">{v.unit}</td>
            <td className="num value">
              <b>{shown(v.value, null)}</b>
              {change && <div className="changed-note">{t('review.changed', { old: shown(change.before, null) })}</div>}
              {v.status && <div className={`value-status value-status-${v.status}`} data-status={v.status}>{t(`status.${v.status}`)}</div>}
              {v.note && <div className="value-note">{v.note}</div>}
            </td>
            <td className="num ref">{fmtFigure(d?.lastMonth, decimals)}</td>
            <td className="num ref">{fmtFigure(d?.samePeriodBase, decimals)}</td>
            <td className="num derived">{v.rule.hasCumulative ? fmtFigure(d?.cumulative, decimals) : ''}</td>
            <td className="num derived">{v.rule.hasPlan ? fmtPct(d?.planPct) : ''}</td>
            <td className="num derived">{v.rule.hasSamePeriod ? (v.rule.samePeriodStyle === 'ratio' ? fmtPct(d?.samePeriodRatioPct) : fmtChange(d?.samePeriodChangePct)) : ''}</td>
            <td className="flags">
              {f.map((x) => (
                <div key={x.kind} className="flag">
                  <WarningFilled /> {t(x.kind === 'lastMonth' ? 'review.flag.lastMonth' : 'review.flag.samePeriod', { pct: fmtChange(x.pct, 0) })}
                </div>
              ))}
            </td>
          </>
        )}
        {commentCell}
      </tr>,
      comment !== undefined && (
        <tr key={`${v.indicatorCode}-comment`} className="row-messages">
          <td colSpan={10}>
            <div className="comment-editor">
              <CommentOutlined />
              <Input.TextArea
                autoFocus
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={comment}
                placeholder={t('review.commentPlaceholder')}
                onChange={(e) => onComment(v.indicatorCode, e.target.value)}
                data-testid={`comment-text-${v.indicatorCode}`}
              />
              <Button size="small" type="text" onClick={() => onComment(v.indicatorCode, null)}>{t('common.cancel')}</Button>
            </div>
          </td>
        </tr>
      ),
    ];
  };

  return (
    <div className="sheet-body">
      {view.sections.map((s) => {
        const values = view.values.filter((v) => v.sectionCode === s.code);
        if (values.length === 0) return null;
        return (
          <section key={s.code} className="sheet-section">
            <h3 className="sheet-section-title">
              {s.reportSection && <span className="section-no">{s.reportSection}</span>}
              {s.title}
            </h3>
            <table className="sheet">
              <colgroup>{WIDTHS.map((w, i) => <col key={i} style={w ? { width: w } : undefined} />)}</colgroup>
              <tbody>{values.flatMap(row)}</tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
