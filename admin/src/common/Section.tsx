import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled group of inputs or fields, laid out in two columns on a wide screen (three with `columns={3}`). */
export const Section = ({ title, children, columns = 2 }: { title?: string; children: ReactNode; columns?: 2 | 3 }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ width: '100%' }}>
      {title && (
        <Typography variant="subtitle1" color="text.secondary" sx={{ mb: 1 }}>
          {translate(title)}
        </Typography>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: columns === 3 ? '1fr 1fr 1fr' : '1fr 1fr' },
          columnGap: 2,
          alignItems: 'start',
        }}
      >
        {children}
      </Box>
    </Box>
  );
};
