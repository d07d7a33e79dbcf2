import { Tabs } from '@strapi/design-system';
import type { AssigneeCounts, AssigneeFilter } from '../../../../../shared/team-inbox';
import { useTranslate } from '../../../utils/useTranslate';

type Props = { value: AssigneeFilter; counts: AssigneeCounts | undefined; onChange(value: AssigneeFilter): void };

/** Mine / Unassigned / All above the conversation list, each with its count. */
export const AssigneeTabs = ({ value, counts, onChange }: Props) => {
  const t = useTranslate();
  const count = (filter: AssigneeFilter) => (counts ? ` (${counts[filter]})` : '');
  return (
    <Tabs.Root variant="simple" value={value} onValueChange={(next) => onChange(next as AssigneeFilter)}>
      <Tabs.List aria-label={t('inbox.assignee.tabs', 'Whose conversations')}>
        <Tabs.Trigger value="mine">{`${t('inbox.assignee.mine', 'Mine')}${count('mine')}`}</Tabs.Trigger>
        <Tabs.Trigger value="unassigned">{`${t('inbox.assignee.unassigned', 'Unassigned')}${count('unassigned')}`}</Tabs.Trigger>
        <Tabs.Trigger value="all">{`${t('inbox.assignee.all', 'All')}${count('all')}`}</Tabs.Trigger>
      </Tabs.List>
    </Tabs.Root>
  );
};
