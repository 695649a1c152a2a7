import { Button } from '@digdir/designsystemet-react';
import { useFocusOnMount } from './load-more';

/** The confirming button of a "really?" question; it takes focus when the question appears. */
export function DeleteConfirmButton({
  onClick,
  disabled,
  children,
}: {
  onClick(): void;
  disabled?: boolean;
  children: React.ReactNode;
}) {
  const ref = useFocusOnMount<HTMLButtonElement>();
  return (
    <Button ref={ref} data-color="danger" onClick={onClick} disabled={disabled}>
      {children}
    </Button>
  );
}
