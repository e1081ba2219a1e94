// GraphQL as a named demo user of a test app: each user logs in once (tokens kept per app), then every call carries
// its token; `code` and `msg` read the first error; `asRoot` reads the tables in the root's scope.
import { withScope } from '../../services/api/src/db/scope.js';
import type { TestApp } from './app.js';
import { DEMO_PASSWORD } from './db.js';

export type Res = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

export const code = (r: Res) => r.errors?.[0]?.extensions?.code;
export const msg = (r: Res) => r.errors?.[0]?.message ?? '';

/** `app` is read at call time (the app is created in beforeAll). */
export function asUsers(app: () => TestApp) {
  const tokens = new Map<string, string>();
  async function token(username: string): Promise<string> {
    if (!tokens.has(username)) {
      const r = await app().gql(null, 'mutation($u:String!,$p:String!){ login(username:$u,password:$p){ accessToken } }', { u: username, p: DEMO_PASSWORD });
      if (!r.data?.login) throw new Error(`${username}: ${JSON.stringify(r.errors)}`);
      tokens.set(username, r.data.login.accessToken);
    }
    return tokens.get(username)!;
  }
  const gql = async (user: string, q: string, v: Record<string, unknown> = {}): Promise<Res> => app().gql(await token(user), q, v);
  const asRoot = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(app().database.db, 'yn', fn);
  return { token, gql, asRoot };
}
