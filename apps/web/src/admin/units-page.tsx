import { Alert, Table, Tag } from 'antd';
import { api } from '../api/client';
import type { UnitView } from '@app/contracts';
import { useI18n } from '../i18n/i18n';
import { formatDate } from '../shared/format';
import { useLoad } from '../shared/use-load';

const KIND: Record<string, { vi: string; en: string }> = {
  provincial_office: { vi: 'Văn phòng', en: 'Office' },
  department: { vi: 'Sở, ngành', en: 'Department' },
  provincial_board: { vi: 'Ban', en: 'Board' },
  central_agency_in_province: { vi: 'Cơ quan Trung ương', en: 'Central agency' },
  security_force: { vi: 'Lực lượng vũ trang', en: 'Security force' },
  local_government: { vi: 'UBND cấp huyện', en: 'Local government' },
};

/** Sở, ban, ngành, effective-dated: a merged unit keeps its history and names what it merged into. */
export function UnitsPage() {
  const { t, lang } = useI18n();
  const units = useLoad(() => api.get<UnitView[]>('/units'), []);
  return (
    <div className="page" data-testid="units-page">
      <h2 className="page-title">{t('nav.admin.units')}</h2>
      {units.error && <Alert type="error" showIcon title={units.error.message} />}
      <Table<UnitView>
        size="small"
        rowKey="id"
        loading={units.loading}
        dataSource={units.data ?? []}
        pagination={false}
        sticky={{ offsetHeader: 52 }}
        columns={[
          { title: t('common.code'), dataIndex: 'code', width: 110, render: (c) => <span className="unit-code">{c}</span> },
          { title: t('common.unit'), dataIndex: 'name' },
          { title: t('admin.units.kind'), dataIndex: 'kind', width: 200, render: (k: string) => KIND[k]?.[lang] ?? k },
          {
            title: t('admin.units.effective'),
            width: 240,
            render: (_, u) => `${formatDate(u.effectiveFrom)} – ${u.effectiveTo ? formatDate(u.effectiveTo) : '…'}`,
          },
          { title: t('admin.units.mergedInto'), dataIndex: 'mergedIntoCode', width: 140, render: (c) => c && <Tag>{c}</Tag> },
        ]}
      />
    </div>
  );
}
