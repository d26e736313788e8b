// Signing in to a bench's own API server (started with ADMIN_PASSWORD set).

/**
 * Signs in as admin; resolves to the `authorization: Bearer …` header of the session, or null when
 * the server answered without one. Rejects while the server is not listening yet (callers retry).
 */
export async function adminHeaders(base, password) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  const session = /co_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  return session ? { authorization: `Bearer ${decodeURIComponent(session)}` } : null;
}
