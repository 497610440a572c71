import { ListItem, ListItemButton, ListItemText } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { weekLabel } from '../shared/week.js';
import type { LagesbildWaiting } from './lagesbild-waiting.js';

/** One row per thing the week's lägesbild waits for, each opening the lägesbild where it is done. */
export function LagesbildWaitingItems({ period, items }: { period?: string; items: LagesbildWaiting[] }) {
  const translate = useTranslate();
  if (!period) return null;
  const week = weekLabel(period);
  return (
    <>
      {items.map((item) => (
        <ListItem key={item.kind} disablePadding>
          <ListItemButton component={Link} to={`/lagesbilder/${encodeURIComponent(period)}/show`}>
            <ListItemText
              primary={translate(`laget.dashboard.lagesbild.${item.kind}`, {
                week,
                smart_count: item.kind === 'stale_redactions' ? item.count : 1,
              })}
              secondary={translate(`laget.dashboard.lagesbild.${item.kind}_help`)}
            />
          </ListItemButton>
        </ListItem>
      ))}
    </>
  );
}
