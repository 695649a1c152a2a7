import { Navigate, useLocation, useParams } from 'react-router';

/**
 * The server's links to a post (`/threads/{id}#post-{id}`, in notifications: docs/API.md) lead
 * to the thread page at its Norwegian address, the post's anchor kept.
 */
export function ThreadAddress() {
  const { id = '' } = useParams();
  const { hash } = useLocation();
  return <Navigate replace to={`/trad/${encodeURIComponent(id)}${hash}`} />;
}
