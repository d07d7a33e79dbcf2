import { Badge, Flex, Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useTranslate } from '../../../utils/useTranslate';

/** Tags as chips; with `onRemove`, each chip removes its tag. */
export const TagChips = ({ tags, onRemove, max }: { tags: string[]; onRemove?: (tag: string) => void; max?: number }) => {
  const t = useTranslate();
  const shown = max ? tags.slice(0, max) : tags;
  return (
    <Flex gap={1} wrap="wrap">
      {shown.map((tag) =>
        onRemove ? (
          <Tag key={tag} icon={<Cross />} label={t('candidates.tags.remove', 'Remove {tag}', { tag })} onClick={() => onRemove(tag)}>
            {tag}
          </Tag>
        ) : (
          <Badge key={tag} backgroundColor="primary100" textColor="primary700" style={{ textTransform: 'none' }}>
            {tag}
          </Badge>
        )
      )}
      {max && tags.length > max ? <Badge>{`+${tags.length - max}`}</Badge> : null}
    </Flex>
  );
};
