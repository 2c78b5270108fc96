import { type CSSVariablesResolver, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 8, // white text on teal.8 passes WCAG AA contrast; teal.6 does not
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Noto Sans SC", "Microsoft YaHei", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Badge: { defaultProps: { radius: 'sm', tt: 'none' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
  },
});

/**
 * Contrast for everyone, console and portal alike (WCAG AA, 4.5:1 for text under 18.7px bold).
 * Mantine's teal.8 gives white button labels 3.95:1 and its "dimmed" grey 3.3:1 on white, and the
 * light variants' coloured text sits near 3:1 on its tint: these tokens go one shade darker (or to
 * near-black where no shade is dark enough), so every component picks them up.
 */
export const contrastVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    '--mantine-primary-color-filled': 'var(--mantine-color-teal-9)',
    '--mantine-primary-color-filled-hover': 'color-mix(in srgb, var(--mantine-color-teal-9) 85%, black)',
    // teal.9 on the light variants' mint tint is 4.32:1: a little darker passes 4.5:1 there too
    '--mantine-primary-color-light-color': 'color-mix(in srgb, var(--mantine-color-teal-9) 80%, black)',
    '--mantine-color-teal-filled': 'var(--mantine-color-teal-9)',
    '--mantine-color-teal-light-color': 'color-mix(in srgb, var(--mantine-color-teal-9) 80%, black)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-dark-7)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-dark-7)',
  },
  dark: {},
});
