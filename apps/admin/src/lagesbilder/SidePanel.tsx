import type { ReactNode } from 'react';
import { Card, CardContent, Typography } from '@mui/material';

/** A titled card beside the lägesbild, or its empty-state text when there is nothing to list. */
export function SidePanel({
  id,
  title,
  empty,
  children,
}: {
  /** Makes the heading's id (`<id>-heading`) that labels the section. */
  id: string;
  title: string;
  /** Shown instead of the children when set. */
  empty?: string | undefined;
  children?: ReactNode;
}) {
  return (
    <Card variant="outlined" component="section" aria-labelledby={`${id}-heading`}>
      <CardContent>
        <Typography id={`${id}-heading`} component="h2" variant="h6">
          {title}
        </Typography>
        {empty !== undefined ? <Typography color="text.secondary">{empty}</Typography> : children}
      </CardContent>
    </Card>
  );
}
