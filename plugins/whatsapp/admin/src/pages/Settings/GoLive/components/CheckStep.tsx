import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import type { GoLiveCheck } from '../../../../api/go-live';
import { useTranslate } from '../../../../utils/useTranslate';
import { CheckDetails } from './CheckDetails';
import { CheckStateBadge } from './CheckStateBadge';

type Props = { step: number; check: GoLiveCheck; isNext: boolean; running: boolean; onRun: () => void };

/** One step of the launch: its state, what was found, what to do, where in the Twilio console. */
export const CheckStep = ({ step, check, isNext, running, onRun }: Props) => {
  const t = useTranslate();
  return (
    <Box
      tag="section"
      aria-label={check.title}
      data-check={check.id}
      data-state={check.state}
      background="neutral0"
      padding={5}
      shadow="filterShadow"
      hasRadius
      borderColor={isNext ? 'primary600' : undefined}
      borderWidth={isNext ? '2px' : undefined}
      borderStyle={isNext ? 'solid' : undefined}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" gap={4}>
          <Flex gap={3}>
            <Typography variant="delta" tag="h2" textColor="neutral600">
              {step}.
            </Typography>
            <Typography variant="delta" tag="h2">
              {check.title}
            </Typography>
            <CheckStateBadge state={check.state} />
            {isNext && (
              <Typography variant="pi" fontWeight="bold" textColor="primary600">
                {t('goLive.nextStepMarker', 'Next step')}
              </Typography>
            )}
          </Flex>
          <Button variant="tertiary" size="S" loading={running} onClick={onRun}>
            {t('goLive.runOne', 'Run this check')}
          </Button>
        </Flex>
        <Typography>{check.reason}</Typography>
        {check.fix && check.state !== 'ok' && (
          <Typography>
            <Typography fontWeight="bold">{t('goLive.fix', 'What to do:')}</Typography> {check.fix}
          </Typography>
        )}
        <CheckDetails check={check} />
        <Flex gap={4} wrap="wrap">
          {check.links.map((link) => (
            <Link key={link.url} href={link.url} isExternal>
              {link.label}
            </Link>
          ))}
          <Typography variant="pi" textColor="neutral500">
            {t('goLive.checkedIn', 'Checked in {ms} ms', { ms: check.durationMs })}
          </Typography>
        </Flex>
      </Flex>
    </Box>
  );
};
