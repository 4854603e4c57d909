// The signed-in session (`Session` of @mystocks/client: refresh before expiry, retry after 401),
// the user and their role. The tokens live in sessionStorage, so a reload keeps the sign-in and
// closing the tab ends it.
import { ApiError, Session, type MyStocksClient, type Role, type SessionTokens, type User } from "@mystocks/client";
import { defineStore } from "pinia";
import { computed, ref, shallowRef } from "vue";

const STORAGE_KEY = "mystocks.session";
export const API_BASE = window.location.origin;

function stored(): SessionTokens | null {
  const text = sessionStorage.getItem(STORAGE_KEY);
  if (!text) return null;
  const tokens = JSON.parse(text) as SessionTokens;
  return tokens.refreshExpiresAt > Date.now() ? tokens : null;
}

export const useAuthStore = defineStore("auth", () => {
  const session = shallowRef<Session | null>(null);
  const user = ref<User | null>(null);
  const role = ref<Role | null>(null);

  function remember(tokens: SessionTokens | null): void {
    if (tokens === null) {
      sessionStorage.removeItem(STORAGE_KEY);
      session.value = null;
      user.value = null;
      role.value = null;
    } else {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(tokens));
      role.value = tokens.role;
    }
  }
  const options = { baseUrl: API_BASE, onChange: remember };

  const saved = stored();
  if (saved) {
    session.value = new Session(options, saved);
    role.value = saved.role;
  }

  const signedIn = computed(() => session.value !== null);

  /** The session's typed client; only for signed-in pages (the router guards them). */
  function api(): MyStocksClient {
    if (session.value === null) throw new Error("not signed in");
    return session.value.client;
  }

  async function loadUser(): Promise<void> {
    const { data } = await api().GET("/api/v1/users/me");
    if (data) {
      user.value = data;
      role.value = data.role;
    }
  }

  async function signIn(username: string, password: string): Promise<void> {
    session.value = await Session.login(options, username, password);
    await loadUser();
  }

  async function signOut(): Promise<void> {
    await session.value?.logout();
    remember(null);
  }

  /** A fresh access token (for the WebSocket's first message and SSE). */
  async function accessToken(): Promise<string> {
    if (session.value === null) throw new Error("not signed in");
    return session.value.accessToken();
  }

  return { session, user, role, signedIn, api, loadUser, signIn, signOut, accessToken };
});

export { ApiError };
