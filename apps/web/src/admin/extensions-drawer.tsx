import { CalendarOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, ApiError } from '../api/client';
import type { ExtensionView, PeriodView, SubmissionListItem } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDate, formatDateTime } from '../shared/format';
import { periodName } from '../shared/period-name';
import { useLoad } from '../shared/use-load';

interface Values {
  unitId: string;
  deadline: Dayjs;
  reason: string;
}

/**
 * Gia hạn: a later deadline for one unit of a period, with a reason (POST /periods/:id/extensions);
 * the list of the period's extensions. Granting again for the same unit replaces its extension.
 */
export function ExtensionsDrawer({ period, onClose }: { period: PeriodView; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const loaded = useLoad(async () => {
    const [extensions, submissions] = await Promise.all([
      api.get<ExtensionView[]>(`/periods/${period.id}/extensions`),
      api.get<SubmissionListItem[]>(`/submissions?periodId=${period.id}`),
    ]);
    return { extensions, units: [...submissions].sort((a, b) => a.unitCode.localeCompare(b.unitCode)) };
  }, [period.id]);

  const grant = async (values: Values) => {
    try {
      const e = await api.post<ExtensionView>(`/periods/${period.id}/extensions`, {
        unitId: values.unitId,
        deadline: values.deadline.format('YYYY-MM-DD'),
        reason: values.reason,
      });
      message.success(t('ext.granted', { unit: e.unitName, date: formatDate(e.deadline) }));
      form.resetFields();
      await loaded.reload();
    } catch (e) {
      // the server's codes (DEADLINE_INVALID, EXTENSION_REASON_REQUIRED …) and Vietnamese messages, next to the form
      const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e));
      form.setFields([{ name: err.code === 'EXTENSION_REASON_REQUIRED' ? 'reason' : 'deadline', errors: [`${err.message} (${err.code})`] }]);
    }
  };

  return (
    <Drawer open onClose={onClose} size={720} title={t('ext.title', { period: periodName(period, lang) })} data-testid="extensions-drawer">
      <Alert type="info" showIcon title={t('ext.help', { date: formatDate(period.deadline) })} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={grant} requiredMark={false}>
        <div className="ext-form-row">
          <Form.Item name="unitId" label={t('common.unit')} rules={[{ required: true, message: t('common.required', { field: t('common.unit').toLowerCase() }) }]} style={{ flex: 1 }}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={loaded.loading}
              options={(loaded.data?.units ?? []).map((s) => ({ value: s.unitId, label: `${s.unitCode} — ${s.unitName}` }))}
              data-testid="ext-unit"
            />
          </Form.Item>
          <Form.Item name="deadline" label={t('ext.deadline')} rules={[{ required: true, message: t('common.required', { field: t('ext.deadline').toLowerCase() }) }]}>
            <DatePicker format="DD/MM/YYYY" data-testid="ext-deadline" style={{ width: 160 }} />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={t('ext.reason')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('ext.reason').toLowerCase() }) }]}>
          <Input.TextArea rows={2} maxLength={1000} showCount data-testid="ext-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<CalendarOutlined />} data-testid="ext-grant">
          {t('ext.grant')}
        </Button>
      </Form>
      <h3 className="drawer-subtitle">{t('ext.list')}</h3>
      {loaded.error && <Alert type="error" showIcon title={loaded.error.message} />}
      <Table<ExtensionView>
        size="small"
        rowKey="id"
        loading={loaded.loading}
        dataSource={loaded.data?.extensions ?? []}
        pagination={false}
        locale={{ emptyText: t('ext.none') }}
        data-testid="ext-list"
        columns={[
          { title: t('common.unit'), width: 240, render: (_, e) => (<span><span className="unit-code">{e.unitCode}</span> {e.unitName}</span>) },
          { title: t('ext.deadline'), width: 110, render: (_, e) => <b>{formatDate(e.deadline)}</b> },
          { title: t('ext.reason'), dataIndex: 'reason' },
          { title: t('ext.updatedAt'), width: 140, render: (_, e) => <span className="muted">{formatDateTime(e.updatedAt)}</span> },
        ]}
      />
    </Drawer>
  );
}
