import { Badge, Box, Flex, Tag, Typography } from '@strapi/design-system';
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
          // Tags keep their case (a Badge would write them in capitals).
          <Box key={tag} background="primary100" hasRadius paddingLeft={2} paddingRight={2} paddingTop={1} paddingBottom={1}>
            <Typography variant="pi" textColor="primary700">
              {tag}
            </Typography>
          </Box>
        )
      )}
      {max && tags.length > max ? <Badge>{`+${tags.length - max}`}</Badge> : null}
    </Flex>
  );
};
