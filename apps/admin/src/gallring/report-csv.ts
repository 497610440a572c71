/** The registrar's report as the API's CSV (`Accept: text/csv`), saved as a file by the browser. */
export async function downloadReportCsv(): Promise<void> {
  const response = await fetch('/api/retention/report', {
    headers: { Accept: 'text/csv' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = reportFileName(new Date());
  link.click();
  URL.revokeObjectURL(url);
}

/** `gallring-2026-12-03.csv`: the day it was taken out, so two downloads do not overwrite each other. */
export function reportFileName(now: Date): string {
  return `gallring-${now.toISOString().slice(0, 10)}.csv`;
}
