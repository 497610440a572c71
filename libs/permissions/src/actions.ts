/**
 * What someone can do. Explicit verbs rather than CASL's catch-all `manage`, so that a new action
 * is denied to everyone until the matrix names who may do it.
 */
export const ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'submit',
  'withdraw',
  'reopen',
  'approve',
  'reset_password',
  'change_password',
  'export',
  'remind',
] as const;
export type Action = (typeof ACTIONS)[number];
