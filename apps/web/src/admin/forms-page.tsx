import { Alert, Table } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { FormTemplateSummary } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../shared/format';
import { useLoad } from '../shared/use-load';

export function FormsPage() {
  const { t } = useI18n();
  const forms = useLoad(() => api.get<FormTemplateSummary[]>('/forms'), []);
  return (
    <div className="page" data-testid="forms-page">
      <h2 className="page-title">{t('nav.admin.forms')}</h2>
      <Alert type="info" showIcon title={t('admin.forms.readOnly')} style={{ marginBottom: 12 }} />
      {forms.error && <Alert type="error" showIcon title={forms.error.message} />}
      <Table<FormTemplateSummary>
        size="middle"
        rowKey="id"
        loading={forms.loading}
        dataSource={forms.data ?? []}
        pagination={false}
        columns={[
          { title: t('common.code'), dataIndex: 'code', width: 150, render: (c, f) => <Link to={`/admin/forms/${f.id}`}><code>{c}</code></Link> },
          { title: t('nav.admin.forms'), dataIndex: 'name', render: (n, f) => <Link to={`/admin/forms/${f.id}`}>{n}</Link> },
          { title: t('admin.forms.version'), dataIndex: 'version', width: 100, align: 'right' },
          { title: t('admin.forms.sections'), dataIndex: 'sections', width: 100, align: 'right' },
          { title: t('admin.forms.indicators'), dataIndex: 'indicators', width: 110, align: 'right' },
          { title: '', dataIndex: 'createdAt', width: 130, render: (d) => formatDate(d) },
        ]}
      />
    </div>
  );
}
