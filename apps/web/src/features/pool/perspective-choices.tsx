import { Checkbox } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Perspective } from '../../api/types';
import { PERSPECTIVES } from './words';

/** One checkbox per perspective (user, relative, peer worker, staff); the error shows under the last. */
export function PerspectiveChoices({
  value,
  onChange,
  error,
  idOf,
}: {
  value: Perspective[];
  onChange(next: Perspective[]): void;
  error?: string;
  /** The id of each box, for focusing the group on an error. */
  idOf(p: Perspective, index: number): string | undefined;
}) {
  const { t } = useTranslation();
  return PERSPECTIVES.map((p, i) => (
    <Checkbox
      key={p}
      id={idOf(p, i)}
      value={p}
      label={t(`pool.perspectives.${p}`)}
      checked={value.includes(p)}
      onChange={(e) => onChange(e.target.checked ? [...value, p] : value.filter((x) => x !== p))}
      error={i === PERSPECTIVES.length - 1 ? error : undefined}
    />
  ));
}
