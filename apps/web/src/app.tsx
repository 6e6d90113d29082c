import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useEffect } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { I18nProvider, useI18n } from './i18n/i18n';
import { AppRoutes } from './routes';
import { SessionProvider } from './session/session';

/** Dense, sober, readable: a government data-entry tool, not a marketing site. */
const theme = {
  token: {
    colorPrimary: '#1f4e8c',
    // links and link buttons in the primary blue: antd's default link blue is 4.1:1 on white, under WCAG AA's 4.5:1
    colorLink: '#1f4e8c',
    // secondary and description texts at 4.5:1 at least (antd's default grey #8c8c8c is 3.4:1 on white)
    colorTextDescription: '#586174',
    colorError: '#c62828',
    borderRadius: 4,
    fontSize: 14,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#13315c', headerHeight: 52, headerPadding: '0 16px', bodyBg: '#f3f5f8' },
    Table: { headerBg: '#eef2f7', cellPaddingBlockSM: 6 },
  },
};

function Localised() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
