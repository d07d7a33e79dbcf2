import { Box, Button, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { ACTOR_TYPES, ACTOR_TYPE_LABELS, AUDIT_ACTIONS, AUDIT_ACTION_LABELS, type ActorType, type AuditAction } from '../../../../../shared/audit';
import type { AuditFilters as Filters } from '../../../api/audit';
import { actionKey } from '../actionKey';
import { useTranslate } from '../../../utils/useTranslate';

const ALL = 'all';

export const NO_FILTERS: Filters = { action: null, actorType: null, actor: '' };

/** Action, kind of actor, and part of the actor's name. */
export const AuditFilters = ({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) => {
  const t = useTranslate();
  const filtered = value.action !== null || value.actorType !== null || value.actor !== '';
  return (
    <Flex gap={3} paddingBottom={4} alignItems="center" wrap="wrap">
      <Box width="22rem">
        <SingleSelect
          aria-label={t('audit.filter.action', 'Filter by action')}
          value={value.action ?? ALL}
          onChange={(next) => onChange({ ...value, action: next === ALL ? null : (next as AuditAction) })}
        >
          <SingleSelectOption value={ALL}>{t('audit.filter.allActions', 'All actions')}</SingleSelectOption>
          {AUDIT_ACTIONS.map((action) => (
            <SingleSelectOption key={action} value={action}>
              {t(`audit.action.${actionKey(action)}`, AUDIT_ACTION_LABELS[action])}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      <Box width="22rem">
        <SingleSelect
          aria-label={t('audit.filter.actorType', 'Filter by kind of actor')}
          value={value.actorType ?? ALL}
          onChange={(next) => onChange({ ...value, actorType: next === ALL ? null : (next as ActorType) })}
        >
          <SingleSelectOption value={ALL}>{t('audit.filter.allActors', 'Every kind of actor')}</SingleSelectOption>
          {ACTOR_TYPES.map((type) => (
            <SingleSelectOption key={type} value={type}>
              {t(`audit.actorType.${type}`, ACTOR_TYPE_LABELS[type])}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      <Box width="22rem">
        <TextInput
          aria-label={t('audit.filter.actor', 'Actor name')}
          placeholder={t('audit.filter.actorPlaceholder', 'Actor name contains…')}
          value={value.actor}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange({ ...value, actor: event.target.value })}
        />
      </Box>
      {filtered && (
        <Button variant="tertiary" onClick={() => onChange(NO_FILTERS)}>
          {t('audit.filter.clear', 'Clear filters')}
        </Button>
      )}
    </Flex>
  );
};
