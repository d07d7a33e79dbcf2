import { Flex, Tag } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useTranslate } from '../../../utils/useTranslate';

/** Tags as chips; with `onRemove`, each chip removes its tag. */
export const TagChips = ({ tags, onRemove, max }: { tags: string[]; onRemove?: (tag: string) => void; max?: number }) => {
  const t = useTranslate();
  const shown = max ? tags.slice(0, max) : tags;
  return (
    <Flex gap={1} wrap="wrap">
      {shown.map((tag) => (
        <Tag
          key={tag}
          icon={onRemove ? <Cross /> : null}
          label={onRemove ? t('candidates.tags.remove', 'Remove {tag}', { tag }) : undefined}
          onClick={onRemove ? () => onRemove(tag) : undefined}
        >
          {tag}
        </Tag>
      ))}
      {max && tags.length > max ? <Tag icon={null}>{`+${tags.length - max}`}</Tag> : null}
    </Flex>
  );
};
