import { Alert, Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAFE_LIMITS, cleanNickname, nicknameProblem } from '#libs/contracts';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { useSession } from '../../session';
import { CafeRules } from './cafe-rules';
import type { RoomView } from './room-state';

/**
 * The way into a room: a nickname (checked against the server's own rule, libs/contracts, before
 * connecting) and the café rules accepted. What the server says about the join shows here too.
 */
export interface JoinEntry {
  nickname: string;
  accepted: boolean;
}

export function JoinForm({
  connecting,
  problem,
  entry,
  onEntry,
  onJoin,
}: {
  connecting: boolean;
  problem: RoomView['joinProblem'];
  /** What was typed and ticked: kept by the room, so it is there again after leaving. */
  entry: JoinEntry;
  onEntry(entry: JoinEntry): void;
  onJoin(nickname: string): void;
}) {
  const { t } = useTranslation();
  const { user, setUser } = useSession();
  const { nickname, accepted } = entry;
  // A member who accepted the rules once is not asked again (they stay readable below).
  const remembered = user?.cafeRulesAccepted === true;
  const [errors, setErrors] = useState<{ nickname?: string; rules?: string }>({});
  const nickRef = useRef<HTMLInputElement>(null);

  // The server's answer replaces what was checked here (adjusting state while rendering, as React
  // advises), and a refused nickname takes focus.
  const [answered, setAnswered] = useState(problem);
  if (problem !== answered) {
    setAnswered(problem);
    setErrors(problem.nickname ? { nickname: problem.nickname } : {});
  }
  useEffect(() => {
    if (problem.nickname) nickRef.current?.focus();
  }, [problem]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: typeof errors = {};
    const nick = cleanNickname(nickname);
    const wrong = nicknameProblem(nick);
    if (wrong === 'length') errs.nickname = t('chat.errors.nicknameLength');
    else if (wrong === 'shape') errs.nickname = t('chat.errors.nicknameShape');
    if (!accepted && !remembered) errs.rules = t('chat.errors.rules_not_accepted');
    setErrors(errs);
    if (errs.nickname) return nickRef.current?.focus();
    if (errs.rules) return document.getElementById('cafe-rules-accept')?.focus();
    // Kept on the account, so the member is not asked at the next room or visit.
    if (user && !remembered) void api.patch<User>('/api/me', { acceptCafeRules: true }).then(setUser, () => undefined);
    onJoin(nick);
  }

  return (
    <section aria-labelledby="join-heading" className="panel section join-panel">
      <Heading level={2} id="join-heading" data-size="sm">
        {t('chat.joinHeading')}
      </Heading>
      <form onSubmit={submit} noValidate className="form">
        <Textfield
          id="cafe-nickname"
          label={t('chat.nickname')}
          description={t('chat.nicknameHelp')}
          value={nickname}
          onChange={(e) => onEntry({ ...entry, nickname: e.target.value })}
          error={errors.nickname}
          ref={nickRef as React.Ref<HTMLInputElement>}
          maxLength={CAFE_LIMITS.nicknameMax}
          autoComplete="off"
          name="nickname"
        />
        {remembered ? (
          <details className="rules-remembered" data-testid="rules-remembered">
            <summary>{t('cafeRules.remembered')}</summary>
            <CafeRules />
          </details>
        ) : (
          <>
            <CafeRules />
            <Checkbox
              id="cafe-rules-accept"
              label={t('chat.acceptRules')}
              description={user ? t('cafeRules.once') : undefined}
              checked={accepted}
              onChange={(e) => onEntry({ ...entry, accepted: e.target.checked })}
              error={errors.rules}
              name="acceptRules"
            />
          </>
        )}
        {problem.failure ? (
          <Alert data-color="danger" className="block">
            <Paragraph>{problem.failure}</Paragraph>
          </Alert>
        ) : null}
        <div>
          <Button type="submit" disabled={connecting} aria-busy={connecting || undefined} data-testid="join-cafe">
            {connecting ? t('chat.connecting') : t('chat.join')}
          </Button>
        </div>
      </form>
    </section>
  );
}
