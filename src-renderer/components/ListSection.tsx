import { Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled block of a list page that says so when it has nothing to show. */
export function ListSection({
  id,
  title,
  empty,
  count,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {title}
      </Title>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}
