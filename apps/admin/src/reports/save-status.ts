/** What the report's last change came to, said in the action bar instead of a toast. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; what?: 'incident' | 'statistics' | 'narrative' }
  | { kind: 'submitted' }
  | { kind: 'error'; message: string };

const savedKeys = {
  incident: 'laget.report.saved_incident',
  statistics: 'laget.report.saved_statistics',
  narrative: 'laget.report.saved',
} as const;

export function saveStatusText(status: SaveStatus, translate: (key: string) => string): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'saving':
      return translate('laget.report.saving');
    case 'saved':
      return translate(savedKeys[status.what ?? 'narrative']);
    case 'submitted':
      return translate('laget.report.submitted');
    case 'error':
      return status.message;
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}
