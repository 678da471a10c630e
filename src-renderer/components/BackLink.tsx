import { Anchor } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** "← Back to …" above a page's header: the one way screens lead back up. */
export function BackLink({ to, children, testId }: { to: string; children: ReactNode; testId?: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" mb="sm" display="inline-flex" style={{ alignItems: 'center', gap: 4 }} data-testid={testId}>
      <IconArrowLeft size={14} aria-hidden />
      {children}
    </Anchor>
  );
}
