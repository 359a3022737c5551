import { getCsrfToken } from "@/lib/api-client";
import { stubApi, testSession } from "@/test/render";
import { AuthStore } from "./auth-store";

const NOT_SIGNED_IN = [401, { error: { code: "not_signed_in", message: "Sign in first", requestId: "r" } }];

describe("the auth store", () => {
  test("boot: signed in keeps the session's CSRF token for the api client; 401 is signed out, not an error", async () => {
    stubApi({ "/api/auth/me": testSession() });
    const store = new AuthStore();
    expect(store.getState().status).toBe("loading");
    await store.boot();
    expect(store.getState()).toMatchObject({ status: "signed-in", session: { user: { email: "ann@example.com" } } });
    expect(getCsrfToken()).toBe("csrf-test-token");

    stubApi({ "/api/auth/me": NOT_SIGNED_IN });
    const out = new AuthStore();
    await out.boot();
    expect(out.getState()).toEqual({ status: "signed-out", reason: "none" });
    expect(getCsrfToken()).toBeNull();
  });

  test("boot: a server that cannot answer is 'unreachable', and boot can be tried again", async () => {
    stubApi({ "/api/auth/me": [502, { error: { code: "bad_gateway", message: "Bad gateway", requestId: "r" } }] });
    const store = new AuthStore();
    await store.boot();
    expect(store.getState()).toMatchObject({ status: "unreachable", error: { message: "Bad gateway" } });
    stubApi({ "/api/auth/me": testSession() });
    await store.boot();
    expect(store.getState().status).toBe("signed-in");
  });

  test("a lost session while signed in is 'expired'; a check that still finds it changes nothing", async () => {
    const store = new AuthStore(testSession());
    const listener = vi.fn();
    store.subscribe(listener);
    stubApi({ "/api/auth/me": testSession() });
    await store.checkSession();
    expect(listener).not.toHaveBeenCalled();

    stubApi({ "/api/auth/me": { ...testSession(), csrfToken: "rotated" } });
    await store.checkSession();
    expect(getCsrfToken()).toBe("rotated");

    store.sessionLost();
    expect(store.getState()).toEqual({ status: "signed-out", reason: "expired" });
    expect(getCsrfToken()).toBeNull();
  });
});
