import { Layouts, Page } from '@strapi/strapi/admin';
import { Button, Flex, Loader } from '@strapi/design-system';
import { useGoLiveReport, useRunCheck, type GoLiveCheckId } from '../../../api/go-live';
import { useNotifyError, useQueryErrorNotification } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';
import { CheckStep } from './components/CheckStep';
import { StageSummary } from './components/StageSummary';

/** Settings → WhatsApp → Go live: the checks in launch order, where the user stands, the next step. */
export const GoLivePage = () => {
  const t = useTranslate();
  const report = useGoLiveReport();
  const runCheck = useRunCheck();
  const notifyError = useNotifyError();
  useQueryErrorNotification(report.error);

  const runOne = (id: GoLiveCheckId) => runCheck.mutate(id, { onError: notifyError });
  const title = t('goLive.title', 'Go live');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('goLive.subtitle', 'From the sandbox to production: each step of a launch checked against Twilio and this server.')}
        primaryAction={
          <Button onClick={() => void report.refetch()} loading={report.isFetching} disabled={report.isFetching}>
            {t('goLive.runAll', 'Run all checks')}
          </Button>
        }
      />
      <Layouts.Content>
        {report.isError && !report.data ? (
          <Page.Error />
        ) : !report.data ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('goLive.running', 'Running the checks…')}</Loader>
          </Flex>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4} aria-busy={report.isFetching}>
            <StageSummary report={report.data} />
            {report.data.checks.map((check, index) => (
              <CheckStep
                key={check.id}
                step={index + 1}
                check={check}
                isNext={report.data.nextStep?.check === check.id}
                running={(runCheck.isPending && runCheck.variables === check.id) || report.isFetching}
                onRun={() => runOne(check.id)}
              />
            ))}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
