import { createTheme } from '@mantine/core';

/** Calm municipal look: deep teal accent, generous whitespace, readable sizes. */
export const theme = createTheme({
  primaryColor: 'klankbord',
  colors: {
    klankbord: ['#e6f5f4', '#cce9e7', '#9ad2cf', '#63bab5', '#3aa59f', '#1f8f89', '#127a75', '#0d625e', '#094c49', '#053533'],
  },
  primaryShade: 7,
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
});
