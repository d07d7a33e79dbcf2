import { SubNav } from '@strapi/strapi/admin';
import { useTranslate } from '../utils/useTranslate';
import { useAllowedPages } from '../utils/useAllowedPages';
import { PLUGIN_ID } from '../pluginId';

/** The side navigation between the plugin's pages; a page the role may not read has no link. */
export const PluginNav = () => {
  const t = useTranslate();
  const pages = useAllowedPages();
  return (
    <SubNav.Main aria-label={t('nav.label', 'WhatsApp pages')}>
      <SubNav.Header label={t('plugin.name', 'WhatsApp')} />
      <SubNav.Content>
        <SubNav.Sections>
          {pages.map((page) => (
            <SubNav.Link key={page.path} to={`/plugins/${PLUGIN_ID}/${page.path}`} label={t(`nav.${page.path}`, page.label)} />
          ))}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
