import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client';
import type { FormDraftView, FormTemplateSummary } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { formatDate } from '../shared/format';
import { useLoad } from '../shared/use-load';
import { ReferenceTabs } from './reference-tabs';

export function FormsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isAdmin = me?.role === 'admin';
  const forms = useLoad(() => api.get<FormTemplateSummary[]>('/forms'), []);
  const drafts = useLoad(() => (isAdmin ? api.get<FormDraftView[]>('/form-drafts') : Promise.resolve([])), [isAdmin]);
  const draftOf = new Map((drafts.data ?? []).map((d) => [d.formCode, d.id]));
  // the list is newest version first within a code: a new version is drafted from that row
  const newest = new Map<string, string>();
  for (const f of forms.data ?? []) if (!newest.has(f.code)) newest.set(f.code, f.id);

  const startDraft = async (code: string) => {
    try {
      const d = await api.post<FormDraftView>('/form-drafts', { formCode: code });
      navigate(`/admin/form-drafts/${d.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <div className="page" data-testid="forms-page">
      <h2 className="page-title">{t('nav.admin.forms')}</h2>
      <ReferenceTabs />
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
          ...(isAdmin
            ? [{
                title: '', width: 200, align: 'right' as const,
                render: (_: unknown, f: FormTemplateSummary) => newest.get(f.code) !== f.id ? null : draftOf.has(f.code) ? (
                  <Link to={`/admin/form-drafts/${draftOf.get(f.code)}`} data-testid={`draft-${f.code}`}>{t('draft.open')}</Link>
                ) : (
                  <Button size="small" icon={<EditOutlined />} onClick={() => startDraft(f.code)} data-testid={`new-draft-${f.code}`}>{t('draft.new')}</Button>
                ),
              }]
            : []),
        ]}
      />
    </div>
  );
}
