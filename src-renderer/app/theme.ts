import { createTheme, Modal, type CSSVariablesResolver } from '@mantine/core';

/**
 * Calm municipal look: deep teal accent, generous whitespace, readable sizes. Built per language
 * because Mantine's close buttons need an accessible name in the person's language.
 */
export const buildTheme = (closeLabel: string) =>
  createTheme({
    primaryColor: 'klankbord',
    colors: {
      klankbord: ['#e6f5f4', '#cce9e7', '#9ad2cf', '#63bab5', '#3aa59f', '#1f8f89', '#127a75', '#0d625e', '#094c49', '#053533'],
    },
    primaryShade: 7,
    fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    defaultRadius: 'md',
    // People who ask their system for less motion get no fades (WCAG 2.3.3).
    respectReducedMotion: true,
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  });

const tinted = ['klankbord', 'teal', 'yellow', 'red', 'gray', 'blue', 'indigo', 'orange', 'green', 'grape'];

/**
 * Mantine's default dimmed grey, error red and light-variant text (badges, alerts) miss WCAG AA
 * contrast on light backgrounds; the darkest shade of each passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-error': '#c92a2a',
    ...Object.fromEntries(
      tinted.flatMap((c) => [
        [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`],
        [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
      ]),
    ),
  },
  dark: {},
});

/** Mantine's darkest orange still falls below 4.5:1 under white badge text; this one passes. */
export const warningOrange = '#9c3a0a';
