import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight, Check, Rocket } from '@strapi/icons';
import { renderForCandidate } from '../../../../../shared/campaign-editor';
import { useAudiencePreview, useSaveCampaign, type PreviewInput, type VariableMapping, type WizardTemplate } from '../../../api/campaigns';
import { useCandidatesQuery, type CandidateView } from '../../../api/candidates';
import { PLUGIN_ID } from '../../../pluginId';
import { useNotifyError } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';
import { useDebounced } from '../../Candidates/components/useDebounced';
import { AudienceStep } from './AudienceStep';
import { CandidatePicker } from './CandidatePicker';
import { LaunchStep } from './LaunchStep';
import { MappingStep } from './MappingStep';
import { PreviewPanel } from './PreviewPanel';
import { audienceChosen, mappingComplete, toAudienceInput, toDraftInput, type WizardState, candidateLabel } from './state';
import { Stepper } from './Stepper';
import { TemplateStep } from './TemplateStep';
import { WhatsAppBubble } from './WhatsAppBubble';

/** Placeholder {{1}} is most often the name; the others wait for a choice. */
const defaultMapping = (template: WizardTemplate, previous: VariableMapping): VariableMapping =>
  Object.fromEntries(template.placeholders.map((n) => [String(n), previous[String(n)] ?? (n === 1 ? { source: 'field', field: 'name' } : { source: 'text', value: '' })]));

const Panel = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6}>
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
    <Box paddingTop={4}>{children}</Box>
  </Box>
);

type Props = { documentId: string | null; initial: WizardState; templates: WizardTemplate[]; back: ReactNode };

/** name → approved template → placeholders (live preview on a real candidate) → audience (live counts) → launch. */
export const Wizard = ({ documentId, initial, templates, back }: Props) => {
  const t = useTranslate();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError();
  const save = useSaveCampaign();
  const [state, setState] = useState<WizardState>(initial);
  const [step, setStep] = useState(documentId ? 4 : 0);
  const [sample, setSample] = useState<CandidateView | null>(null);
  const set = (change: Partial<WizardState>) => setState((current) => ({ ...current, ...change }));

  const template = templates.find((entry) => entry.documentId === state.template) ?? null;
  const placeholders = template?.placeholders ?? [];
  const complete = [state.name.trim() !== '', template !== null, template !== null && mappingComplete(state.mapping, placeholders), audienceChosen(state.audience)];
  const reachable = complete.findIndex((done) => !done) === -1 ? 4 : complete.findIndex((done) => !done);

  // A real candidate for the placeholder preview: the one picked, else the newest one.
  const newest = useCandidatesQuery({ page: 1, pageSize: 1, sort: 'createdAt:desc' });
  const shown = sample ?? newest.data?.data[0] ?? null;
  const rendered = template ? renderForCandidate(template.body, state.mapping, shown) : null;

  const previewInput = useMemo<PreviewInput | null>(
    () => (template && audienceChosen(state.audience) ? { template: template.documentId, variableMapping: state.mapping, audience: toAudienceInput(state.audience), samples: 3 } : null),
    [template, state.mapping, state.audience]
  );
  const settledInput = useDebounced(previewInput, 300);
  const preview = useAudiencePreview(settledInput);
  const counts = settledInput ? preview.data : undefined;

  const submit = (when: WizardState['when']) => {
    const data = toDraftInput({ ...state, when });
    save.mutate(
      { documentId, data, launch: when === 'now' },
      {
        onSuccess: (saved) => {
          const message =
            when === 'now' ? t('wizard.done.launched', 'Campaign launched') : when === 'schedule' ? t('wizard.done.scheduled', 'Campaign scheduled') : t('wizard.done.draft', 'Draft saved');
          toggleNotification({ type: 'success', message });
          navigate(`/plugins/${PLUGIN_ID}/campaigns/${saved.documentId}`);
        },
        onError: notifyError,
      }
    );
  };

  const scheduleOk = state.when !== 'schedule' || (state.scheduledAt !== null && state.scheduledAt.getTime() > Date.now() + 60_000);
  const canFinish = reachable === 4 && scheduleOk && (state.when === 'draft' || (counts?.total ?? 0) > 0) && !save.isPending;
  const finishLabel =
    state.when === 'now'
      ? t('wizard.finish.now', 'Launch to {count, plural, one {# candidate} other {# candidates}}', { count: counts?.send ?? 0 })
      : state.when === 'schedule'
        ? t('wizard.finish.schedule', 'Schedule the campaign')
        : t('wizard.finish.draft', 'Save the draft');
  const stepTitles = [
    t('wizard.step.name.title', 'Name the campaign'),
    t('wizard.step.template.title', 'Choose an approved template'),
    t('wizard.step.placeholders.title', 'Fill each placeholder'),
    t('wizard.step.audience.title', 'Choose who receives it'),
    t('wizard.step.launch.title', 'Launch, schedule or keep as a draft'),
  ];
  const stepLabels = [
    t('wizard.step.name', 'Name'),
    t('wizard.step.template', 'Template'),
    t('wizard.step.placeholders', 'Placeholders'),
    t('wizard.step.audience', 'Audience'),
    t('wizard.step.launch', 'Launch'),
  ];
  const title = documentId ? t('wizard.editTitle', 'Edit campaign') : t('wizard.title', 'New campaign');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={title}
        subtitle={t('wizard.subtitle', 'An approved template sent to the candidates you choose')}
        primaryAction={
          <Button variant="secondary" disabled={!complete[0] || save.isPending} onClick={() => submit('draft')}>
            {t('wizard.saveDraft', 'Save as draft')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Stepper steps={stepLabels} current={step} reachable={reachable} onGo={setStep} />
          <Grid.Root gap={6}>
            <Grid.Item col={step >= 2 ? 7 : 12} s={12} direction="column" alignItems="stretch">
              <Panel title={stepTitles[step]!}>
                {step === 0 && (
                  <Field.Root name="name" required hint={t('wizard.name.hint', 'For you and your colleagues; candidates never see it.')}>
                    <Field.Label>{t('wizard.name', 'Campaign name')}</Field.Label>
                    <TextInput value={state.name} onChange={(event: React.ChangeEvent<HTMLInputElement>) => set({ name: event.target.value })} />
                    <Field.Hint />
                  </Field.Root>
                )}
                {step === 1 && (
                  <TemplateStep templates={templates} value={state.template} onChange={(chosen) => set({ template: chosen.documentId, mapping: defaultMapping(chosen, state.mapping) })} />
                )}
                {step === 2 && template && <MappingStep template={template} mapping={state.mapping} onChange={(mapping) => set({ mapping })} sample={shown} />}
                {step === 3 && <AudienceStep form={state.audience} onChange={(audience) => set({ audience })} />}
                {step === 4 && <LaunchStep when={state.when} scheduledAt={state.scheduledAt} onChange={(change) => set(change)} />}
              </Panel>
            </Grid.Item>
            {step >= 2 && (
              <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                {step === 2 ? (
                  <Panel title={t('wizard.sample.title', 'What a candidate receives')}>
                    <Flex direction="column" alignItems="stretch" gap={3}>
                      <CandidatePicker label={t('wizard.sample.pick', 'Preview for another candidate')} onPick={setSample} />
                      {rendered && shown ? (
                        <WhatsAppBubble text={rendered.text} to={candidateLabel(shown)} missing={rendered.missing} />
                      ) : (
                        <Typography textColor="neutral600">{t('wizard.sample.none', 'Add a candidate to see the message as they would receive it.')}</Typography>
                      )}
                    </Flex>
                  </Panel>
                ) : (
                  <Panel title={t('wizard.preview.title', 'Who receives it')}>
                    {previewInput ? (
                      <PreviewPanel preview={counts} loading={preview.isFetching || previewInput !== settledInput} />
                    ) : (
                      <Typography textColor="neutral600">{t('wizard.preview.empty', 'Pick candidates, tags or filters to see who would receive it.')}</Typography>
                    )}
                  </Panel>
                )}
              </Grid.Item>
            )}
          </Grid.Root>
          <Flex justifyContent="space-between">
            <Button variant="tertiary" startIcon={<ArrowLeft />} disabled={step === 0} onClick={() => setStep(step - 1)}>
              {t('wizard.previous', 'Back')}
            </Button>
            {step < 4 ? (
              <Button endIcon={<ArrowRight />} disabled={!complete[step]} onClick={() => setStep(step + 1)}>
                {t('wizard.next', 'Next')}
              </Button>
            ) : (
              <Button startIcon={state.when === 'now' ? <Rocket /> : <Check />} disabled={!canFinish} loading={save.isPending} onClick={() => submit(state.when)}>
                {finishLabel}
              </Button>
            )}
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
