import { Box, Flex, Typography } from '@strapi/design-system';
import { TagChips } from '../../Candidates/components/TagChips';
import { TagPicker } from '../../Candidates/components/TagPicker';

/** One tag rule (any of / all of / none of): its tags as chips and a picker for more. */
export const TagRule = ({ label, hint, tags, onChange }: { label: string; hint: string; tags: string[]; onChange: (tags: string[]) => void }) => (
  <Box>
    <Typography variant="pi" fontWeight="bold" tag="p">
      {label}
    </Typography>
    <Typography variant="pi" textColor="neutral600" tag="p">
      {hint}
    </Typography>
    <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
      {tags.length > 0 && <TagChips tags={tags} onRemove={(tag) => onChange(tags.filter((kept) => kept !== tag))} />}
      <TagPicker creatable={false} label={label} exclude={tags} onPick={(tag) => onChange([...tags, tag])} />
    </Flex>
  </Box>
);
