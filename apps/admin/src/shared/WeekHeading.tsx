import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';
import { Title } from 'react-admin';
import { StatusChip } from './StatusChip.js';

/**
 * The heading of a page about one week (the lägesbild workspace, its history, the Monday
 * screen): the title in the app bar and as the page's h1, the week's status where the page shows
 * one, and the page's own links beside them, wrapping on a phone.
 */
export function WeekHeading({
  title,
  status,
  gutter = 2,
  children,
}: {
  title: string;
  status?: string;
  /** The space below the heading (theme spacing). */
  gutter?: number;
  children?: ReactNode;
}) {
  return (
    <>
      <Title title={title} />
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', flexWrap: 'wrap', mb: gutter }}
        useFlexGap
      >
        <Typography component="h1" variant="h5" sx={{ flex: 1 }}>
          {title}
        </Typography>
        <StatusChip status={status} size="medium" />
        {children}
      </Stack>
    </>
  );
}
