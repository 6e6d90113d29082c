import { Alert, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../api/client';
import type { UnitView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';

type Mode = { kind: 'create' } | { kind: 'edit'; unit: UnitView } | { kind: 'close'; unit: UnitView };

interface Values {
  code?: string;
  name?: string;
  kind?: string;
  parentCode?: string | null;
  effectiveFrom?: string;
  effectiveDate?: string;
  decision?: string;
  usersTo?: string | null;
}

/** Create a unit, rename it (or give it a parent), or close one that fills nothing any more. */
export function UnitDialog({ mode, units, kinds, onClose, onDone }: { mode: Mode; units: UnitView[]; kinds: Array<{ value: string; label: string }>; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const others = units.filter((u) => !u.effectiveTo && (mode.kind === 'create' || u.code !== mode.unit.code)).map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }));
  const title = mode.kind === 'create' ? t('admin.units.create') : mode.kind === 'edit' ? t('admin.units.edit') : t('admin.units.close');

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (mode.kind === 'create') {
        await api.post('/units', { code: v.code, name: v.name, kind: v.kind, parentCode: v.parentCode ?? null, effectiveFrom: v.effectiveFrom });
        onDone(t('admin.units.created', { code: v.code! }));
      } else if (mode.kind === 'edit') {
        await api.patch(`/units/${encodeURIComponent(mode.unit.code)}`, { name: v.name, parentCode: v.parentCode ?? null });
        onDone(t('admin.units.saved', { code: mode.unit.code }));
      } else {
        await api.post(`/units/${encodeURIComponent(mode.unit.code)}/close`, { effectiveDate: v.effectiveDate, decision: v.decision, usersTo: v.usersTo ?? null });
        onDone(t('admin.units.closed', { code: mode.unit.code }));
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
      setBusy(false);
    }
  };

  const initial = mode.kind === 'create' ? { kind: 'department' } : { name: mode.unit.name, parentCode: mode.unit.parentCode };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: busy, 'data-testid': 'unit-dialog-ok' } as ButtonProps} okText={title} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        {mode.kind === 'create' && (
          <>
            <Form.Item name="code" label={t('common.code')} rules={[{ required: true, pattern: /^[A-Z][A-Z0-9_-]{1,29}$/ }]} extra="A-Z, 0-9, _ -">
              <Input data-testid="unit-code" />
            </Form.Item>
            <Form.Item name="kind" label={t('admin.units.kind')} rules={[{ required: true }]}>
              <Select options={kinds} />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('admin.units.effectiveFrom')} rules={[{ required: true }]}>
              <Input type="date" data-testid="unit-from" />
            </Form.Item>
          </>
        )}
        {mode.kind !== 'close' && (
          <>
            <Form.Item name="name" label={t('common.unit')} rules={[{ required: true, min: 2 }]}>
              <Input data-testid="unit-name" />
            </Form.Item>
            <Form.Item name="parentCode" label={t('admin.units.parent')}>
              <Select allowClear showSearch optionFilterProp="label" options={others} />
            </Form.Item>
          </>
        )}
        {mode.kind === 'close' && (
          <>
            <Form.Item name="effectiveDate" label={t('admin.units.effectiveDate')} rules={[{ required: true }]} extra={t('admin.units.effectiveDateHint')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="decision" label={t('admin.units.decision')} rules={[{ required: true, min: 3 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="usersTo" label={t('admin.units.usersTo')} extra={t('admin.units.usersToHint')}>
              <Select allowClear showSearch optionFilterProp="label" options={others} />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={`${error.message} (${error.code})`} />}
      </Form>
    </Modal>
  );
}

export type { Mode as UnitDialogMode };
