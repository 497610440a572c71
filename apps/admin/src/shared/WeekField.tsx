import { useRecordContext } from 'react-admin';
import { swedishDate, weekLabel } from './week.js';

/** A period shown as people say it: "v48 2024". */
export function WeekField({ source = 'id' }: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const value = record?.[source];
  return <span>{typeof value === 'string' ? weekLabel(value) : ''}</span>;
}

/** A calendar date in Swedish: "2 december 2024". */
export function SwedishDateField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const value = record?.[source];
  return <span>{typeof value === 'string' ? swedishDate(value) : ''}</span>;
}
