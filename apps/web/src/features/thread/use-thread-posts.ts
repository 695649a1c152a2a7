import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api/client';
import type { Page, Post, Thread } from '../../api/types';
import { useSubmit } from '../../lib/use-submit';

/** Scrolls to and focuses the element once React has put it on the page (a few frames at most). */
function showWhenThere(id: string, frames = 30): void {
  const el = document.getElementById(id);
  if (el) {
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  } else if (frames > 0) requestAnimationFrame(() => showWhenThere(id, frames - 1));
}

const postsPage = (threadId: string, cursor: string, limit: number) =>
  api.get<Page<Post>>(`/api/threads/${threadId}/posts?limit=${limit}&cursor=${encodeURIComponent(cursor)}`);

/**
 * A thread's posts as the page shows them: its first page, "show more", changes to one post, and a
 * link to one post (`#post-<id>`: search, "my posts", a guest's receipt) paged on until the post
 * is there, then scrolled to and focused.
 */
export function useThreadPosts(thread: Thread | undefined) {
  const [posts, setPosts] = useState<Post[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [firstNew, setFirstNew] = useState<number | null>(null);

  // A new thread answer replaces the list (adjusting state while rendering, as React advises).
  const [shown, setShown] = useState<Thread | undefined>(undefined);
  if (thread !== shown) {
    setShown(thread);
    setPosts(thread?.posts.items ?? []);
    setCursor(thread?.posts.nextCursor ?? null);
  }

  const more = useSubmit(async () => {
    if (!cursor || !thread) return;
    const page = await postsPage(thread.id, cursor, 20);
    setFirstNew(posts.length);
    setPosts((p) => [...p, ...page.items]);
    setCursor(page.nextCursor);
  });

  const update = useCallback(
    (updated: Post) => setPosts((list) => list.map((x) => (x.id === updated.id ? { ...x, ...updated } : x))),
    [],
  );
  // A new post shows at the end only when the end is on screen.
  const append = useCallback((post: Post) => !cursor && setPosts((list) => [...list, post]), [cursor]);

  const { hash } = useLocation();
  const target = /^#post-[0-9a-f-]{36}$/.test(hash) ? hash.slice(1) : null;
  const reached = useRef<string | null>(null);
  useEffect(() => {
    if (!target || !thread || reached.current === target) return;
    reached.current = target;
    const postId = target.slice('post-'.length);
    let live = true;
    void (async () => {
      const extra: Post[] = [];
      let next = thread.posts.nextCursor;
      const has = () => thread.posts.items.some((p) => p.id === postId) || extra.some((p) => p.id === postId);
      try {
        for (let i = 0; i < 25 && next && !has(); i++) {
          const page = await postsPage(thread.id, next, 50);
          extra.push(...page.items);
          next = page.nextCursor;
        }
      } catch {
        // the first page is shown; "show more" still works
      }
      if (!live) return;
      if (extra.length) {
        setPosts((list) => [...list, ...extra]);
        setCursor(next);
      }
      showWhenThere(target);
    })();
    return () => {
      live = false;
    };
  }, [target, thread]);

  return { posts, hasMore: cursor !== null, more, firstNew, update, append };
}
