import { useEffect, useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Toggle, Typography } from '@strapi/design-system';
import { useAutoAssignSettingsQuery, useUpdateAutoAssign } from '../../../api/team-inbox';
import { useNotifyError, useQueryErrorNotification } from '../../../utils/useApiError';
import { useTranslate } from '../../../utils/useTranslate';

/**
 * Team inbox: new inbound conversations shared round-robin among the active admins of one role.
 * Saved on its own (it is not a Twilio setting), by settings.update.
 */
export const AutoAssignSection = ({ canUpdate }: { canUpdate: boolean }) => {
  const t = useTranslate();
  const { toggleNotification } = useNotification();
  const fail = useNotifyError();
  const settings = useAutoAssignSettingsQuery();
  const update = useUpdateAutoAssign();
  const [enabled, setEnabled] = useState(false);
  const [roleId, setRoleId] = useState<number | null>(null);
  useQueryErrorNotification(settings.error);

  useEffect(() => {
    if (!settings.data) return;
    setEnabled(settings.data.data.enabled);
    setRoleId(settings.data.data.roleId);
  }, [settings.data]);

  const roles = settings.data?.meta.roles ?? [];
  const chosen = roles.find((role) => role.id === roleId);
  const changed = settings.data && (settings.data.data.enabled !== enabled || settings.data.data.roleId !== roleId);

  const onSave = () =>
    update.mutate(
      { enabled, roleId },
      { onError: fail, onSuccess: () => toggleNotification({ type: 'success', message: t('settings.autoAssign.saved', 'Auto-assignment saved') }) }
    );

  return (
    <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Box>
          <Typography variant="delta" tag="h2">
            {t('settings.autoAssign.title', 'Team inbox: auto-assignment')}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t(
              'settings.autoAssign.description',
              'When on, each new conversation a candidate starts is assigned to the next active admin of the chosen role, in turn. Off by default: conversations arrive unassigned.'
            )}
          </Typography>
        </Box>
        <Flex gap={6} alignItems="flex-start" wrap="wrap">
          <Field.Root name="autoAssignEnabled">
            <Field.Label>{t('settings.autoAssign.enabled', 'Assign new conversations automatically')}</Field.Label>
            <Toggle
              checked={enabled}
              disabled={!canUpdate}
              onLabel={t('settings.autoAssign.on', 'On')}
              offLabel={t('settings.autoAssign.off', 'Off')}
              onChange={(event: { target: { checked: boolean } }) => setEnabled(event.target.checked)}
            />
          </Field.Root>
          <Box width="32rem">
            <Field.Root
              name="autoAssignRole"
              error={enabled && roleId === null ? t('settings.autoAssign.roleRequired', 'Choose a role') : chosen?.activeUsers === 0 ? t('settings.autoAssign.roleEmpty', 'This role has no active admin: conversations would stay unassigned.') : undefined}
            >
              <Field.Label>{t('settings.autoAssign.role', 'Shared among the active admins of')}</Field.Label>
              <SingleSelect
                value={roleId === null ? undefined : String(roleId)}
                disabled={!canUpdate}
                placeholder={t('settings.autoAssign.rolePlaceholder', 'Choose a role')}
                onChange={(value: string | number) => setRoleId(Number(value))}
              >
                {roles.map((role) => (
                  <SingleSelectOption key={role.id} value={String(role.id)}>
                    {t('settings.autoAssign.roleOption', '{name} ({count} active)', { name: role.name, count: role.activeUsers })}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Error />
            </Field.Root>
          </Box>
        </Flex>
        {canUpdate && (
          <Flex justifyContent="flex-end">
            <Button type="button" variant="secondary" loading={update.isPending} disabled={!changed || (enabled && roleId === null)} onClick={onSave}>
              {t('settings.autoAssign.save', 'Apply auto-assignment')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
