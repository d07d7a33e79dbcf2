import { Link as RouterLink, useLocation, useParams } from 'react-router-dom';
import { Layouts, Page } from '@strapi/strapi/admin';
import { Alert, Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { useEditableCampaign, useWizardTemplates } from '../../api/campaigns';
import { PLUGIN_ID } from '../../pluginId';
import { useQueryErrorNotification } from '../../utils/useApiError';
import { useTranslate } from '../../utils/useTranslate';
import { DuplicateButton } from './components/DuplicateButton';
import { fromEditable, newWizardState, type ChosenCandidate } from './wizard/state';
import { Wizard } from './wizard/Wizard';

/**
 * Campaigns → New campaign (also from the Candidates page's selection), and editing a draft or a
 * scheduled campaign in the same steps. A launched campaign is not edited: it can be duplicated.
 */
export const CampaignWizardPage = () => {
  const t = useTranslate();
  const { id } = useParams<{ id: string }>();
  const location = useLocation();
  const chosen = ((location.state as { candidates?: ChosenCandidate[] } | null)?.candidates ?? []).slice(0, 100_000);
  const existing = useEditableCampaign(id ?? null);
  const templates = useWizardTemplates();
  useQueryErrorNotification(existing.error ?? templates.error);

  if ((id && existing.isLoading) || templates.isLoading) return <Page.Loading />;
  if ((id && !existing.data) || !templates.data) return <Page.Error />;

  const back = (
    <Link tag={RouterLink} to={id ? `/plugins/${PLUGIN_ID}/campaigns/${id}` : `/plugins/${PLUGIN_ID}/campaigns`} startIcon={<ArrowLeft />}>
      {id ? t('wizard.back.campaign', 'Back to the campaign') : t('campaigns.back', 'All campaigns')}
    </Link>
  );

  if (existing.data && !existing.data.editable) {
    return (
      <Page.Main>
        <Page.Title>{existing.data.name}</Page.Title>
        <Layouts.Header navigationAction={back} title={existing.data.name} primaryAction={<DuplicateButton campaignId={existing.data.documentId} />} />
        <Layouts.Content>
          <Alert variant="default" closeLabel={t('inbox.close', 'Close')} title={t('wizard.locked.title', 'This campaign was launched')}>
            {t('wizard.locked', 'Its template, placeholders and audience were fixed at launch. Duplicate it to send it again with changes.')}
          </Alert>
        </Layouts.Content>
      </Page.Main>
    );
  }

  return (
    <Wizard
      key={id ?? 'new'}
      documentId={id ?? null}
      initial={existing.data ? fromEditable(existing.data) : newWizardState(chosen)}
      templates={templates.data}
      back={back}
    />
  );
};
