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
  },
};
