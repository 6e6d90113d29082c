import { EditOutlined } from '@ant-design/icons';
import { Button, Popover } from 'antd';
import { memo, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { issuerInSentence, numberLine, placeDateLine, replacementNotice } from '@app/domain';
import type { FigureSource, ReportSectionView, RevisionContentView, RunView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { sourceValue } from './report-model';

/** Names for the sources: unit code → name, indicator code → name and unit of measure. */
export interface SourceNames {
  units: Map<string, string>;
  indicators: Map<string, { name: string; unit: string | null }>;
}

function SourceCard({ source, names }: { source: FigureSource; names: SourceNames }) {
  const { t } = useI18n();
  const indicator = names.indicators.get(source.indicatorCode);
  return (
    <dl className="source-card" data-testid="figure-source">
      <dt>{t('report.source.unit')}</dt>
      <dd>
        <span className="unit-code">{source.unitCode}</span> {names.units.get(source.unitCode) ?? ''}
      </dd>
      <dt>{t('report.source.indicator')}</dt>
      <dd>
        {indicator?.name ?? source.indicatorCode}
        {indicator?.unit && <span className="muted"> ({indicator.unit})</span>}
      </dd>
      <dt>{t('report.source.field')}</dt>
      <dd>{t(`field.${source.field}` as MessageKey)}</dd>
      <dt>{t('report.source.value')}</dt>
      <dd className="source-value">{sourceValue(source.field, source.value)}</dd>
      <dt>{t('report.source.status')}</dt>
      <dd data-testid="figure-source-status">
        {t(`status.${source.status ?? 'estimate'}`)}
        {source.revised && (
          <div className="muted">
            {t('report.source.revised', {
              status: t(`status.${source.status ?? 'official'}`).toLowerCase(),
              previous: t(`status.${source.revised.previousStatus ?? 'estimate'}`).toLowerCase(),
              value: source.revised.previousValue === null ? '—' : sourceValue('value', source.revised.previousValue),
            })}
          </div>
        )}
      </dd>
      {source.months && (
        <>
          <dt>{t('report.source.months')}</dt>
          <dd data-testid="figure-source-months">
            {source.months.map((m, i) => (
              <span key={m.month}>
                {i > 0 && '; '}
                <Link to={`/review/${m.submissionId}`}>{t('period.type.month')} {m.month}</Link>: {sourceValue('value', m.value)}
                {m.status && <span className={`month-status month-status-${m.status}`}> ({t(`status.${m.status}`).toLowerCase()}{m.revised ? `, ${t('official.from', { value: m.revised.previousValue === null ? '—' : sourceValue('value', m.revised.previousValue), status: t(`status.${m.revised.previousStatus ?? 'estimate'}`).toLowerCase() })}` : ''})</span>}
              </span>
            ))}
          </dd>
        </>
      )}
      <dd className="source-link">
        <Link to={`/review/${source.submissionId}`}>{t('report.source.open')} ›</Link>
      </dd>
    </dl>
  );
}

function Runs({ runs, names }: { runs: RunView[]; names: SourceNames }) {
  const { t } = useI18n();
  return (
    <>
      {runs.map((r, i) => {
        if ('note' in r) return <sup key={i} className="fn-ref"><a href={`#fn-${r.note}`}>{r.note}</a></sup>;
        if (r.typedByOffice) {
          return (
            <span key={i} className="typed" title={t('report.source.typed')} data-testid="typed-by-office">
              {r.text}
            </span>
          );
        }
        if (!r.source) return <span key={i}>{r.text}</span>;
        return (
          <Popover key={i} title={t('report.source.title')} content={<SourceCard source={r.source} names={names} />} mouseEnterDelay={0.15}>
            <span className="fig" tabIndex={0} data-testid="figure" data-indicator={r.source.indicatorCode} data-unit={r.source.unitCode}>
              {r.text}
            </span>
          </Popover>
        );
      })}
    </>
  );
}

const Section = memo(function Section({ s, names, onEdit }: { s: ReportSectionView; names: SourceNames; onEdit?: (s: ReportSectionView) => void }) {
  const { t } = useI18n();
  const edit = onEdit && (
    <Button size="small" className="section-edit" icon={<EditOutlined />} onClick={() => onEdit(s)} data-testid={`edit-${s.id}`}>
      {t('report.edit')}
    </Button>
  );
  const lead: ReactNode =
    s.style === 'run-in' ? <b><i>{s.heading}</i></b> : s.style === 'task' ? <b>{s.number}</b> : null;
  return (
    <section className={`doc-section level-${s.level} style-${s.style}`} data-section={s.id}>
      {edit}
      {s.style === 'heading' && (
        <p className="doc-heading">
          <b>{[s.number, s.heading].filter(Boolean).join(' ')}</b>
        </p>
      )}
      {s.paragraphs.map((p, i) => (
        <p key={i} className="doc-p">
          {i === 0 && lead && <>{lead} </>}
          <Runs runs={p} names={names} />
        </p>
      ))}
    </section>
  );
});

/**
 * The current revision as a readable document, laid out like the issued one (Decree 30/2020): the
 * header, the sections in outline order, the signature block, the footnotes. Each figure is
 * marked; on hover it shows where it came from.
 */
export function ReportDocument({
  content,
  names,
  draft,
  onEdit,
}: {
  content: RevisionContentView;
  names: SourceNames;
  draft: boolean;
  onEdit?: (s: ReportSectionView) => void;
}) {
  const { t } = useI18n();
  const h = content.header;
  return (
    <article className="doc" data-testid="report-document">
      <div className="doc-header">
        <div>
          {h.issuer.map((line) => (
            <p key={line}><b>{line}</b></p>
          ))}
          <p className="doc-rule" />
          <p data-testid="doc-number-line">{numberLine(h.number, h.numberSuffix)}</p>
        </div>
        <div>
          <p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p>
          <p><b className="doc-motto">Độc lập - Tự do - Hạnh phúc</b></p>
          <p className="doc-rule" />
          <p><i data-testid="doc-place-date">{placeDateLine(h.place, h.date)}</i></p>
        </div>
      </div>
      <p className="doc-title">
        <b>{h.kind}</b>
        {h.title.map((line) => (
          <b key={line}>{line}</b>
        ))}
      </p>
      {draft && content.notices.length > 0 && (
        <div className="doc-notices">
          <div className="doc-notices-title">{t('report.notices')}</div>
          {content.notices.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
      {h.replaces && (
        <p className="doc-replaces" data-testid="doc-replaces">
          <i>{replacementNotice(h.replaces, issuerInSentence(h.issuer))}</i>
        </p>
      )}
      {content.sections.map((s) => (
        <Section key={s.id} s={s} names={names} onEdit={onEdit} />
      ))}
      <div className="doc-footer">
        <div className="doc-recipients">
          <p><b><i>Nơi nhận:</i></b></p>
          {h.recipients.map((r) => (
            <p key={r}>- {r};</p>
          ))}
          <p>- {h.archive}.</p>
        </div>
        <div className="doc-signature">
          <p><b>{h.signature.onBehalf}</b></p>
          {h.signature.for && <p><b>{h.signature.for}</b></p>}
          <p><b>{h.signature.title}</b></p>
          <p className="doc-sign-space" />
          <p><b>{h.signature.name ?? ''}</b></p>
        </div>
      </div>
      {content.footnotes.length > 0 && (
        <div className="doc-footnotes">
          <div className="doc-notices-title">{t('report.footnotes')}</div>
          {content.footnotes.map((f) => (
            <p key={f.number} id={`fn-${f.number}`}>
              <sup>{f.number}</sup> <Runs runs={f.runs} names={names} />
            </p>
          ))}
        </div>
      )}
    </article>
  );
}
