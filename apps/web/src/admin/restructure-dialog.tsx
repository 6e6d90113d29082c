import { Alert, Button, Checkbox, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { RestructureResultView, UnitView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';

interface Group {
  to?: string;
  from?: string[];
  /** empty: every indicator the predecessors fill */
  indicators?: string[];
  closeFrom?: boolean;
}

interface Values {
  effectiveDate: string;
  decision: string;
  newUnits?: Array<{ code: string; name: string; kind: string }>;
  groups?: Group[];
}

/** The request the API takes, from the dialog's groups (one successor ← its predecessors each). */
export function restructureBody(v: Values) {
  const groups = (v.groups ?? []).filter((g) => g.to && g.from?.length);
  const close = new Map<string, string>();
  for (const g of groups) if (g.closeFrom) for (const code of g.from!) if (!close.has(code)) close.set(code, g.to!);
  return {
    effectiveDate: v.effectiveDate,
    decision: v.decision,
    newUnits: (v.newUnits ?? []).filter((u) => u?.code),
    transfers: groups.flatMap((g) => g.from!.map((from) => ({ from, to: g.to!, indicators: g.indicators?.length ? g.indicators : null }))),
    close: [...close].map(([code, usersTo]) => ({ code, usersTo })),
  };
}

const eveOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
};

/** The indicators the chosen predecessors fill on the eve of the effective date, to move only some of them. */
function IndicatorPicker({ id, from, effectiveDate, value, onChange }: { id?: string; from: string[]; effectiveDate: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useI18n();
  const [codes, setCodes] = useState<string[]>([]);
  const eve = effectiveDate ? eveOf(effectiveDate) : null;
  useEffect(() => {
    let live = true;
    if (!eve || from.length === 0) {
      setCodes([]);
      return;
    }
    Promise.all(from.map((u) => api.get<string[]>(`/units/${encodeURIComponent(u)}/indicators?date=${eve}`).catch(() => [] as string[]))).then((all) => {
      if (live) setCodes([...new Set(all.flat())].sort());
    });
    return () => {
      live = false;
    };
  }, [from.join(','), eve]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Select id={id} mode="multiple" allowClear value={value} onChange={onChange} placeholder={<span className="placeholder-strong">{t('admin.units.allIndicators', { n: codes.length })}</span>} options={codes.map((c) => ({ value: c, label: c }))} style={{ minWidth: 260 }} />
  );
}

/** Sáp nhập, chia tách, điều chuyển chỉ tiêu, as one action from one date. */
export function RestructureDialog({ units, kinds, onClose, onDone }: { units: UnitView[]; kinds: Array<{ value: string; label: string }>; onClose: () => void; onDone: (r: RestructureResultView) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const newUnits = Form.useWatch('newUnits', form) ?? [];
  const effectiveDate = Form.useWatch('effectiveDate', form) ?? '';
  const groups = Form.useWatch('groups', form) ?? [];
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const open = units.filter((u) => !u.effectiveTo);
  const unitOptions = open.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }));
  const successorOptions = [...newUnits.filter((u) => u?.code).map((u) => ({ value: u.code, label: `${u.code} · ${u.name ?? ''} (${t('admin.units.new')})` })), ...unitOptions];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await api.post<RestructureResultView>('/units/restructurings', restructureBody(v)));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      size={720}
      title={t('admin.units.restructure')}
      onClose={onClose}
      data-testid="restructure-drawer"
      // a side panel over the list it changes, not a veil: the units stay readable beside it
      mask={false}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="restructure-submit">{t('admin.units.apply')}</Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ groups: [{ closeFrom: true }] }} data-testid="restructure-form">
        <Space wrap align="start">
          <Form.Item name="effectiveDate" label={t('admin.units.effectiveDate')} rules={[{ required: true }]} extra={t('admin.units.effectiveDateHint')}>
            <Input type="date" data-testid="restructure-date" />
          </Form.Item>
          <Form.Item name="decision" label={t('admin.units.decision')} rules={[{ required: true, min: 3 }]} style={{ minWidth: 420 }}>
            <Input data-testid="restructure-decision" />
          </Form.Item>
        </Space>
        <h4>{t('admin.units.newUnits')}</h4>
        <Form.List name="newUnits">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap>
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_-]{1,29}$/ }]}>
                    <Input placeholder={t('common.code')} aria-label={t('common.code')} data-testid={`new-unit-code-${f.name}`} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('common.unit')} aria-label={t('common.unit')} data-testid={`new-unit-name-${f.name}`} style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} initialValue="department">
                    <Select options={kinds} aria-label={t('admin.units.kind')} style={{ width: 200 }} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('admin.units.remove')}</Button>
                </Space>
              ))}
              <Button onClick={() => add({ kind: 'department' })} data-testid="add-new-unit">{t('admin.units.addNewUnit')}</Button>
            </>
          )}
        </Form.List>
        <h4 style={{ marginTop: 16 }}>{t('admin.units.groups')}</h4>
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <div key={f.key} className="restructure-group" data-testid={`group-${f.name}`}>
                  <Space align="start" wrap>
                    <Form.Item name={[f.name, 'from']} label={t('admin.units.from')} rules={[{ required: true }]}>
                      <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} style={{ minWidth: 280 }} data-testid={`group-from-${f.name}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'to']} label={t('admin.units.to')} rules={[{ required: true }]}>
                      <Select showSearch optionFilterProp="label" options={successorOptions} style={{ minWidth: 280 }} data-testid={`group-to-${f.name}`} />
                    </Form.Item>
                  </Space>
                  <Space align="start" wrap>
                    <Form.Item name={[f.name, 'indicators']} label={t('admin.units.indicators')}>
                      <IndicatorPicker from={groups[f.name]?.from ?? []} effectiveDate={effectiveDate} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'closeFrom']} valuePropName="checked" label=" ">
                      <Checkbox data-testid={`group-close-${f.name}`}>{t('admin.units.closeFrom')}</Checkbox>
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)} style={{ marginTop: 30 }}>{t('admin.units.remove')}</Button>}
                  </Space>
                </div>
              ))}
              <Button onClick={() => add({ closeFrom: false })} data-testid="add-group">{t('admin.units.addGroup')}</Button>
            </>
          )}
        </Form.List>
        {error && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            showIcon
            data-testid="restructure-error"
            title={`${error.message} (${error.code})`}
            description={error.details.length > 1 ? <ul>{error.details.map((d, i) => <li key={i}>{d.message} ({d.code})</li>)}</ul> : undefined}
          />
        )}
      </Form>
    </Drawer>
  );
}
