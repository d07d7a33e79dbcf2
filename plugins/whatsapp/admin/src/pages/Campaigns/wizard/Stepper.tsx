import { Box, Flex, Typography } from '@strapi/design-system';

/** The wizard's steps in a row; the current one stands out, the done ones can be revisited. */
export const Stepper = ({ steps, current, reachable, onGo }: { steps: string[]; current: number; reachable: number; onGo: (step: number) => void }) => (
  <Flex gap={2} wrap="wrap" tag="ol" aria-label="steps">
    {steps.map((label, index) => (
      <Box
        key={label}
        tag="li"
        paddingTop={2}
        paddingBottom={2}
        paddingLeft={3}
        paddingRight={3}
        hasRadius
        background={index === current ? 'primary600' : index <= reachable ? 'primary100' : 'neutral150'}
        style={{ listStyle: 'none', cursor: index <= reachable ? 'pointer' : 'default' }}
        aria-current={index === current ? 'step' : undefined}
        onClick={() => index <= reachable && onGo(index)}
      >
        <Typography variant="omega" fontWeight="bold" textColor={index === current ? 'neutral0' : 'neutral700'}>
          {`${index + 1}. ${label}`}
        </Typography>
      </Box>
    ))}
  </Flex>
);
