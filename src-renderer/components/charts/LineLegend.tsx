import { Group, Text, useMantineTheme, getThemeColor } from '@mantine/core';

export interface LegendItem {
  label: string;
  color: string;
  /** SVG dash pattern; the same as the line's, so the legend tells lines apart without colour. */
  dash?: string;
}

/** A legend that draws each line's dash pattern next to its name. */
export function LineLegend({ items }: { items: LegendItem[] }) {
  const theme = useMantineTheme();
  return (
    <Group gap="lg" mt="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="legend">
      {items.map((item) => (
        <Group key={item.label} gap={6} component="li" wrap="nowrap">
          <svg width={30} height={10} aria-hidden focusable="false">
            <line x1={1} y1={5} x2={29} y2={5} stroke={getThemeColor(item.color, theme)} strokeWidth={2.5} strokeDasharray={item.dash} />
          </svg>
          <Text size="sm">{item.label}</Text>
        </Group>
      ))}
    </Group>
  );
}
