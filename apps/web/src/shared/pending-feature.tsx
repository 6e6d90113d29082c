import { Result } from 'antd';
import { useI18n } from '../i18n/i18n';

const TEXT = {
  reports: {
    vi: 'Báo cáo tổng hợp (bản dự thảo do Văn phòng chỉnh sửa, trang ký duyệt của Phó Chủ tịch, tải DOCX/PDF) sẽ hiện ở đây khi chức năng tổng hợp báo cáo được đưa vào hệ thống.',
    en: 'The consolidated report (the office’s draft editing, the vice-chairman’s sign-off page, DOCX/PDF download) appears here once consolidation is in the system.',
  },
};

/** A clearly marked slot for a screen whose API is being built elsewhere (reports: issue 4): no stand-in data. */
export function PendingFeature({ feature }: { feature: keyof typeof TEXT }) {
  const { t, lang } = useI18n();
  return <Result status="info" title={t('pending.title')} subTitle={TEXT[feature][lang]} data-testid="pending-feature" />;
}
