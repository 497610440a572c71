/**
 * The reporter's form is filled in on a phone with one thumb: every control it taps is at least
 * 44 × 44 CSS px (WCAG 2.5.5), which MUI's medium buttons (36 px), radios (42 px) and icon
 * buttons (40 px) are not by default.
 */
export const touchTarget = { minHeight: 44 } as const;

export const touchIcon = { width: 48, height: 48 } as const;
