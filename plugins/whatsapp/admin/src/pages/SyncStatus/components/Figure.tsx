import { Box, Typography } from '@strapi/design-system';

/** One number with what it counts, as a card. */
export const Figure = ({ label, value, testId }: { label: string; value: number; testId?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={testId}>
    <Typography variant="alpha" tag="p">
      {value}
    </Typography>
    <Typography textColor="neutral600">{label}</Typography>
  </Box>
);
