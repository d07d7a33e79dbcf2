import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { StaffMember } from '../../../../../shared/team-inbox';
import { useTranslate } from '../../../utils/useTranslate';

type Props = {
  assignee: { id: number; name: string | null } | null;
  staff: StaffMember[] | undefined;
  /** Without conversations.assign the select only shows who has it. */
  canAssign: boolean;
  pending: boolean;
  onAssign(assignee: number | null): void;
};

const NOBODY = 'none';

/** Who the open conversation is assigned to, in the thread header. */
export const AssigneeSelect = ({ assignee, staff, canAssign, pending, onAssign }: Props) => {
  const t = useTranslate();
  const options = [...(staff ?? [])];
  // An assignee no longer active (deactivated, blocked) is still shown as the one it is.
  if (assignee && !options.some((member) => member.id === assignee.id)) {
    options.push({ id: assignee.id, name: assignee.name ?? t('inbox.assignee.former', 'Former admin #{id}', { id: assignee.id }) });
  }
  return (
    <SingleSelect
      size="S"
      aria-label={t('inbox.assignee.label', 'Assigned to')}
      value={assignee ? String(assignee.id) : NOBODY}
      disabled={!canAssign || pending}
      onChange={(value: string | number) => onAssign(String(value) === NOBODY ? null : Number(value))}
    >
      <SingleSelectOption value={NOBODY}>{t('inbox.assignee.nobody', 'Unassigned')}</SingleSelectOption>
      {options.map((member) => (
        <SingleSelectOption key={member.id} value={String(member.id)}>
          {member.name}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
};
