import { createTheme } from '@mantine/core';

/** Darker shades than Mantine's defaults for text on light backgrounds: WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'sm',
  colors: {},
  components: {
    Anchor: { defaultProps: { c: 'indigo.9' } },
  },
});
