import { Thead, Th, Tr } from '@strapi/design-system';

/** A table's header row, one cell per column label. */
export const TableHead = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((label) => (
        <Th key={label}>{label}</Th>
      ))}
    </Tr>
  </Thead>
);
