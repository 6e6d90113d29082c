import { Segmented } from 'antd';
import { Lang, useI18n } from '../i18n/i18n';

export function LanguageSwitch({ dark = false }: { dark?: boolean }) {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
      className={dark ? 'lang-switch-dark' : undefined}
      data-testid="lang-switch"
    />
  );
}
