import { Heading, Select } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { TableOfContents } from '../../components/table-of-contents';

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

/** A page of sections: their table of contents, then each under its heading. */
export function Sections({ sections }: { sections: readonly { id: string; title: string; el: ReactNode }[] }) {
  return (
    <>
      <TableOfContents sections={sections} />
      {sections.map((s) => (
        <Section key={s.id} id={s.id} title={s.title}>
          {s.el}
        </Section>
      ))}
    </>
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
