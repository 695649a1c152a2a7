import { Heading, Select } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

// Pieces every admin section uses.

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="section">
      <Heading level={2} id={`${id}-h`} data-size="sm">
        {title}
      </Heading>
      {children}
    </section>
  );
}

export function LabelledSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange(v: string): void;
  children: ReactNode;
}) {
  return (
    <div className="ds-field-like">
      <label htmlFor={id} className="ds-label">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </Select>
    </div>
  );
}
