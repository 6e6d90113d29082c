import { Alert, App, Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { FigureRevisionView, SubmissionView } from '@app/contracts';
import { api, ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { fmtFigure } from '../shared/format';

const STATE_COLOR = { submitted: 'gold', approved: 'green', returned: 'red' } as const;

/**
 * Số liệu sơ bộ, chính thức: on an approved submission, the officer sends a later version of a
 * figure with its source; the office approves it into the approved figures or returns it. The
 * history below lists every version with the figure it replaced.
 */
export function OfficialFigures({ view, role, onChanged }: { view: SubmissionView; role: 'officer' | 'reviewer' | 'other'; onChanged: () => unknown }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [indicator, setIndicator] = useState<string | undefined>();
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<'official' | 'preliminary'>('official');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (view.state !== 'approved' && view.figureRevisions.length === 0) return null;
  const figures = view.values.filter((v) => v.kind !== 'text');
  const nameOf = new Map(view.values.map((v) => [v.indicatorCode, v]));

  const act = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      message.success(done);
      await onChanged();
      return true;
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setError(err ? [err.message, ...err.details.map((d) => d.message)].join(' ') : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const send = async () => {
    const ok = await act(() => api.post(`/submissions/${view.id}/figure-revisions`, { items: [{ indicatorCode: indicator, value, status }], reason }), t('official.sent'));
    if (ok) {
      setValue('');
      setReason('');
    }
  };
  const decide = (r: FigureRevisionView, how: 'approve' | 'return') => {
    const why = how === 'return' ? window.prompt(t('official.returnReason')) : null;
    if (how === 'return' && !why) return;
    void act(() => api.post(`/figure-revisions/${r.id}/${how}`, how === 'return' ? { reason: why } : {}), t('official.decided'));
  };
  const statusWord = (s: string | null) => t(s ? (`status.${s}` as 'status.official') : 'status.none');

  return (
    <section className="official-figures" data-testid="official-figures">
      <h3>{t('official.title')}</h3>
      {role === 'officer' && view.state === 'approved' && (
        <>
          <p className="muted">{t('official.help')}</p>
          <Space wrap align="start">
            <Select
              showSearch
              optionFilterProp="label"
              style={{ minWidth: 320 }}
              placeholder={t('official.indicator')}
              aria-label={t('official.indicator')}
              value={indicator}
              onChange={setIndicator}
              options={figures.map((v) => ({ value: v.indicatorCode, label: `${v.name}${v.unit ? ` (${v.unit})` : ''}` }))}
              data-testid="official-indicator"
            />
            <Input style={{ width: 160 }} inputMode="decimal" placeholder={t('official.value')} aria-label={t('official.value')} value={value} onChange={(e) => setValue(e.target.value)} data-testid="official-value" />
            <Select
              style={{ width: 150 }}
              aria-label={t('official.status')}
              value={status}
              onChange={setStatus}
              options={[{ value: 'official', label: t('status.official') }, { value: 'preliminary', label: t('status.preliminary') }]}
            />
            <Input style={{ minWidth: 320 }} placeholder={t('official.reason')} aria-label={t('official.reason')} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="official-reason" />
            <Button type="primary" loading={busy} disabled={!indicator || !value.trim() || !reason.trim()} onClick={() => void send()} data-testid="official-send">
              {t('official.send')}
            </Button>
          </Space>
        </>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      {view.figureRevisions.length > 0 && (
        <Table<FigureRevisionView>
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginTop: 12 }}
          title={() => t('official.history')}
          dataSource={view.figureRevisions}
          columns={[
            { title: t('official.indicator'), render: (_, r) => nameOf.get(r.indicatorCode)?.name ?? r.indicatorCode },
            {
              title: t('official.value'),
              className: 'num',
              render: (_, r) => (
                <>
                  <b>{fmtFigure(r.value, null)}</b> <Tag>{statusWord(r.status)}</Tag>
                  <div className="muted">{t('official.from', { value: fmtFigure(r.previousValue, null), status: statusWord(r.previousStatus ?? 'estimate').toLowerCase() })}</div>
                </>
              ),
            },
            { title: t('official.source'), render: (_, r) => <>{r.reason}<div className="muted">{r.submittedBy} · {new Date(r.submittedAt).toLocaleString('vi-VN')}</div></> },
            {
              title: '',
              render: (_, r) => (
                <Space orientation="vertical" size={4}>
                  <Tag color={STATE_COLOR[r.state]}>{t(`official.state.${r.state}`)}</Tag>
                  {r.returnReason && <span className="muted">{r.returnReason}</span>}
                  {role === 'reviewer' && r.state === 'submitted' && (
                    <Space>
                      <Button size="small" type="primary" loading={busy} onClick={() => decide(r, 'approve')} data-testid="official-approve">{t('official.approve')}</Button>
                      <Button size="small" loading={busy} onClick={() => decide(r, 'return')}>{t('official.return')}</Button>
                    </Space>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
