import { CalendarOutlined, CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { cutoffWindow, PERIOD_NUMBERS, PERIOD_TYPES, PeriodType } from '@app/domain';
import { Alert, App, Button, DatePicker, Form, InputNumber, Progress, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError, download } from '../api/client';
import type { CalendarOverview, PeriodView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../shared/format';
import { periodName } from '../shared/period-name';
import { DeadlineText } from '../shared/state-tag';
import { useLoad } from '../shared/use-load';
import { ExtensionsDrawer } from './extensions-drawer';

interface OpenForm {
  type: PeriodType;
  year: number;
  number: number;
  deadline?: Dayjs;
}

/**
 * Periods: open a month, a quarter, six months, nine months or the year (a draft appears for every
 * unit the period's form assigns), see each deadline and how far along it is.
 */
export function PeriodsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenForm>();
  const periods = useLoad(() => api.get<PeriodView[]>('/periods'), []);
  // a current or next year without its days off entered is flagged here, on the administrator's home page
  const calendar = useLoad(() => api.get<CalendarOverview>('/calendar'), []);
  const [extending, setExtending] = useState<PeriodView | null>(null);
  const type = (Form.useWatch('type', form) ?? 'month') as PeriodType;
  const year = Form.useWatch('year', form) as number | undefined;
  const number = Form.useWatch('number', form) as number | undefined;
  const latest = periods.data?.find((p) => p.type === 'month');
  const next = latest ? (latest.number === 12 ? { year: latest.year + 1, number: 1 } : { year: latest.year, number: latest.number + 1 }) : { year: new Date().getFullYear(), number: new Date().getMonth() + 1 };
  // the month after the latest opened one is what the administrator opens next
  useEffect(() => form.setFieldsValue({ type: 'month', year: next.year, number: next.number }), [form, next.year, next.number]);
  // the Decree 09 window of what is about to be opened, as the server will compute it
  let window: { from: string; to: string } | null = null;
  try {
    if (year && number) window = cutoffWindow(type, year, number);
  } catch {
    window = null;
  }

  const open = async (values: OpenForm) => {
    try {
      const p = await api.post<PeriodView>('/periods', { type: values.type, year: values.year, number: values.number, ...(values.deadline ? { deadline: values.deadline.format('YYYY-MM-DD') } : {}) });
      message.success(t('admin.periods.opened', { label: p.label }));
      form.resetFields();
      await periods.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="page" data-testid="periods-page">
      <h2 className="page-title">{t('nav.admin.periods')}</h2>
      {(calendar.data?.missing.length ?? 0) > 0 && (
        <Alert type="warning" showIcon data-testid="calendar-missing" style={{ marginBottom: 12 }} title={t('calendar.missing', { years: calendar.data!.missing.join(', ') })}
          action={<Link to="/admin/calendar">{t('calendar.enter')}</Link>} />
      )}
      <div className="panel">
        <h3>{t('admin.periods.open')}</h3>
        <Form
          form={form}
          layout="inline"
          onFinish={open}
          onValuesChange={(changed: Partial<OpenForm>) => {
            // a quarter has 4, a half-year 2, nine months and the year 1
            if (changed.type) form.setFieldsValue({ number: Math.min(form.getFieldValue('number') ?? 1, PERIOD_NUMBERS[changed.type]) });
          }}
        >
          <Form.Item name="type" label={t('admin.periods.type')} rules={[{ required: true }]}>
            <Select style={{ width: 130 }} data-testid="period-type" options={PERIOD_TYPES.map((v) => ({ value: v, label: t(`period.type.${v}`) }))} />
          </Form.Item>
          <Form.Item name="number" label={type === 'month' ? t('admin.periods.month') : t('admin.periods.number')} rules={[{ required: true }]}>
            <InputNumber min={1} max={PERIOD_NUMBERS[type]} style={{ width: 80 }} disabled={PERIOD_NUMBERS[type] === 1} />
          </Form.Item>
          <Form.Item name="year" label={t('admin.periods.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="deadline" label={t('admin.periods.deadlineOptional')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} data-testid="open-period">
            {t('admin.periods.open')}
          </Button>
        </Form>
        {window && <div className="muted" style={{ marginTop: 8 }}>{t('admin.periods.window', { from: formatDate(window.from), to: formatDate(window.to) })}</div>}
      </div>
      {periods.error && <Alert type="error" showIcon title={periods.error.message} />}
      <Table<PeriodView>
        size="small"
        rowKey="id"
        loading={periods.loading}
        dataSource={periods.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.periods.type'), width: 110, render: (_, p) => <Tag color={p.type === 'month' ? 'default' : 'geekblue'}>{t(`period.type.${p.type}`)}</Tag> },
          { title: t('common.period'), render: (_, p) => <Link to={`/board/${p.id}`}><b>{periodName(p, lang)}</b></Link> },
          { title: t('common.cutoff'), render: (_, p) => `${formatDate(p.cutoffFrom)} – ${formatDate(p.cutoffTo)}` },
          { title: t('common.deadline'), render: (_, p) => <DeadlineText deadline={p.deadline} done={p.submissions.draft + p.submissions.returned === 0} /> },
          {
            title: t('admin.periods.counts'),
            width: 560,
            render: (_, p) => {
              const s = p.submissions;
              return (
                <Space size={12} className="nowrap">
                  <Progress percent={s.total ? Math.round((s.approved / s.total) * 100) : 0} size={[100, 8]} showInfo={false} aria-label={`${t('state.approved')} ${s.approved}/${s.total}`} />
                  <span>{t('state.approved')} <b>{s.approved}</b>/{s.total}</span>
                  <span className="muted">{t('board.waiting')} {s.submitted} · {t('state.returned')} {s.returned} · {t('state.draft')} {s.draft}</span>
                </Space>
              );
            },
          },
          {
            title: '',
            width: 320,
            align: 'right',
            render: (_, p) => (
              <Space size={6} className="nowrap">
                <Button size="small" icon={<CalendarOutlined />} onClick={() => setExtending(p)} data-testid={p.type === 'month' ? `extensions-${p.year}-${p.number}` : `extensions-${p.type}-${p.year}-${p.number}`}>
                  {t('ext.button')}
                </Button>
                {p.type === 'month' && p.submissions.approved > 0 && (
                  // the exchange document for the upper-level reporting system (a new version only when a figure changed)
                  <Button
                    size="small"
                    icon={<CloudUploadOutlined />}
                    onClick={() => download(`/periods/${p.id}/exchange.json`, `trao-doi-so-lieu-${p.year}-${p.number}.json`).catch((e) => message.warning(e instanceof ApiError ? e.message : String(e)))}
                    data-testid={`exchange-${p.year}-${p.number}`}
                  >
                    {t('export.exchange')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {extending && <ExtensionsDrawer period={extending} onClose={() => setExtending(null)} />}
    </div>
  );
}
