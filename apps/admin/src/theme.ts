import { svSE } from '@mui/material/locale';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's default theme with colours that keep WCAG AA contrast on white and in the app bar.
 */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme: RaThemeOptions = {
  ...defaultTheme,
  // People who ask their system for less motion get none (WCAG 2.3.3).
  ...(reducedMotion
    ? { transitions: { create: () => 'none', duration: { enteringScreen: 0, leavingScreen: 0 } } }
    : {}),
  palette: {
    primary: { main: '#1d4f91' },
    secondary: { main: '#0d47a1' },
    success: { main: '#1b5e20' },
    warning: { main: '#8a4b00' },
    error: { main: '#b00020' },
    info: { main: '#01579b' },
  },
  components: {
    ...defaultTheme.components,
    // MUI's own words (Autocomplete's "Clear", "No options", pagination's labels) in Swedish:
    // react-admin translates only what it renders itself. Swedish first, in English too.
    ...svSE.components,
    MuiTextField: { defaultProps: { variant: 'outlined' } },
    // Printing a page (the lägesbild workspace before a meeting) prints its content: no app bar,
    // menu, tabs or buttons, and the content the full width of the paper (issue 18, point 6).
    MuiCssBaseline: {
      styleOverrides: {
        '@media print': {
          'header, .RaSidebar-root, .MuiDrawer-root, .MuiTabs-root, .MuiToggleButtonGroup-root, button, .MuiButton-root, .MuiIconButton-root, .MuiSnackbar-root, .no-print':
            { display: 'none !important' },
          '.RaLayout-appFrame, .RaLayout-contentWithSidebar, .RaLayout-content, main': {
            margin: '0 !important',
            padding: '0 !important',
            width: '100% !important',
          },
          body: { background: '#fff' },
        },
      },
    },
  },
};
