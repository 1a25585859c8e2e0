/**
 * The signed-in user: a bearer token kept in sessionStorage (one browser tab, gone when it closes),
 * and who it says you are, read from its claims (sub, name, role, scope — apps/api actor-claims.ts).
 * The claims are only displayed and used to pick which buttons to show; the API verifies the token.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { describeScope, isUserRole, type Scope, type UserRole } from '@zhengdun/domain';

export const TOKEN_KEY = 'zhengdun.token';

export interface SessionUser {
  userId: string;
  name: string;
  role: UserRole;
  scope: Scope;
  /** Seconds since the epoch, when the token expires. */
  expiresAt?: number;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** A scope as the domain types it, from a token's claim or an API answer's flat scope object. */
export function readScope(value: unknown): Scope | null {
  if (!value || typeof value !== 'object') return null;
  const scope = value as Record<string, unknown>;
  if (typeof scope.county !== 'string') return null;
  if (scope.level === 'county') return { level: 'county', county: scope.county };
  if (scope.level === 'township' && typeof scope.township === 'string') return { level: 'township', county: scope.county, township: scope.township };
  if (scope.level === 'organization' && typeof scope.orgCode === 'string') return { level: 'organization', county: scope.county, orgCode: scope.orgCode };
  return null;
}

/** Who a token says its holder is, or an error message in Chinese. */
export function readToken(token: string): { user: SessionUser } | { error: string } {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { error: '这不是有效的访问令牌（应为三段、以“.”分隔的 JWT）' };
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
  } catch {
    return { error: '访问令牌无法解析，请检查是否复制完整' };
  }
  const scope = readScope(claims.scope);
  if (typeof claims.sub !== 'string' || typeof claims.name !== 'string' || !isUserRole(claims.role) || !scope) {
    return { error: '访问令牌缺少身份信息（用户、姓名、角色或管辖范围）' };
  }
  const expiresAt = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (expiresAt !== undefined && expiresAt * 1000 < Date.now()) return { error: '访问令牌已过期，请重新获取' };
  return { user: { userId: claims.sub, name: claims.name, role: claims.role, scope, expiresAt } };
}

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

interface SessionValue {
  token: string | null;
  user: SessionUser | null;
  signIn: (token: string) => void;
  signOut: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);

function userOf(token: string | null): SessionUser | null {
  if (!token) return null;
  const read = readToken(token);
  return 'user' in read ? read.user : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() => (userOf(storedToken()) ? storedToken() : null));
  const queryClient = useQueryClient();
  // What one user was shown (their cases, their available actions) must not flash up for the next.
  const signIn = useCallback(
    (next: string) => {
      queryClient.clear();
      sessionStorage.setItem(TOKEN_KEY, next.trim());
      setToken(next.trim());
    },
    [queryClient],
  );
  const signOut = useCallback(() => {
    queryClient.clear();
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
  }, [queryClient]);
  const value = useMemo(() => ({ token, user: userOf(token), signIn, signOut }), [token, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user on pages behind RequireAuth. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser on a page without a signed-in user');
  return user;
}

export function scopeLabel(scope: Scope): string {
  return describeScope(scope);
}
