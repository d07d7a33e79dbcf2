import { Box } from '@strapi/design-system';

type Props = {
  /** 0–100. */
  percent: number;
  color?: string;
  height?: string;
  /** Set for a progress bar: it is then announced as one, with its value. */
  label?: string;
};

/**
 * A bar filled to `percent` on a light track. The design system's ProgressBar is drawn for dark
 * backgrounds and leaves out aria-valuenow, so the pages draw their own.
 */
export const Meter = ({ percent, color = 'primary600', height = '0.8rem', label }: Props) => {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  const a11y = label
    ? { role: 'progressbar', 'aria-label': label, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': value, title: label }
    : { 'aria-hidden': true };
  return (
    <Box background="neutral150" hasRadius style={{ flex: 1, height, overflow: 'hidden' }} {...a11y}>
      <Box background={color} hasRadius style={{ width: `${value}%`, height: '100%' }} />
    </Box>
  );
};
