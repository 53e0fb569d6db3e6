import { NotFoundErrorPage } from '@backstage/frontend-plugin-api';
import { Navigate, useParams } from 'react-router-dom';

/**
 * Sends the portal's root to the catalog, where every visit starts. A page
 * mounted at the root also sees every path no other page claims; those
 * still get the app's not-found page.
 */
export function HomeRedirect() {
  const rest = useParams()['*'];

  if (rest) {
    return <NotFoundErrorPage />;
  }
  return <Navigate to="/catalog" replace />;
}
