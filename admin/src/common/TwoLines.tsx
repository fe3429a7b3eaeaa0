import type { ReactNode } from 'react';
import { Box, Typography } from '@mui/material';

/** Two values in one cell, the second smaller: related figures share a column and the list stays narrow. */
export const TwoLines = ({
  first,
  second,
  align,
  wrap = false,
  minWidth,
}: {
  first: ReactNode;
  second?: ReactNode;
  align?: 'right';
  /** Long texts (names, places) may wrap; figures and codes never do. */
  wrap?: boolean;
  minWidth?: number;
}) => (
  <Box sx={{ lineHeight: 1.2, textAlign: align, minWidth, '& > div': { whiteSpace: wrap ? 'normal' : 'nowrap' } }}>
    <Typography variant="body2" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {first}
    </Typography>
    {second ? (
      <Typography variant="caption" color="text.secondary" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {second}
      </Typography>
    ) : null}
  </Box>
);
