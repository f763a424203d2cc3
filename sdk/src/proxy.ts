type Overrides<T> = Partial<Record<PropertyKey, (target: T) => unknown>>;

/**
 * A Proxy that replaces a few properties and forwards the rest. Methods are bound to the
 * real object because SDK classes keep state in private fields a Proxy cannot reach.
 */
export function overlay<T extends object>(target: T, overrides: Overrides<T>): T {
  const made = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(obj, prop) {
      if (made.has(prop)) return made.get(prop);
      const make = overrides[prop];
      const value = make ? make(obj) : Reflect.get(obj, prop);
      if (!make && typeof value !== "function") return value;
      const result = !make && typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(obj) : value;
      made.set(prop, result);
      return result;
    },
  });
}

type Hooks = {
  /** Sees the resolved value once and returns what the caller gets. */
  onValue: (value: unknown) => unknown;
  /** The caller asked for the raw Response, so the parsed value will never be seen. */
  onRawResponse: () => void;
  onError: (error: unknown) => void;
};

type ApiPromiseLike = PromiseLike<unknown> & {
  _thenUnwrap?: (fn: (value: unknown) => unknown) => ApiPromiseLike;
  asResponse?: () => Promise<unknown>;
  withResponse?: () => Promise<{ data: unknown }>;
};

/**
 * Observes a promise from the openai SDK without changing it for the caller. Its APIPromise is
 * lazy (the body is parsed on first then()) and has asResponse()/withResponse(); the value
 * hook goes through its own _thenUnwrap so both keep working, and rejections are seen by
 * intercepting the methods a caller can wait with.
 */
export function trackPromise(result: unknown, hooks: Hooks): unknown {
  if (typeof result !== "object" || result === null || typeof (result as PromiseLike<unknown>).then !== "function") return result;
  const api = result as ApiPromiseLike;
  if (typeof api._thenUnwrap !== "function") {
    return Promise.resolve(api).then(hooks.onValue, (error: unknown) => {
      hooks.onError(error);
      throw error;
    });
  }
  const unwrapped = api._thenUnwrap((value) => hooks.onValue(value));
  const seeError = (error: unknown) => {
    hooks.onError(error);
    throw error;
  };
  const then = (onFulfilled?: ((v: unknown) => unknown) | null, onRejected?: ((e: unknown) => unknown) | null) =>
    unwrapped.then(onFulfilled, (error: unknown) => {
      hooks.onError(error);
      if (onRejected) return onRejected(error);
      throw error;
    });
  return overlay(unwrapped, {
    then: () => then,
    catch: () => (onRejected?: (e: unknown) => unknown) => then(undefined, onRejected),
    finally: () => (onFinally?: () => void) =>
      then(
        (value) => Promise.resolve(onFinally?.()).then(() => value),
        (error) => Promise.resolve(onFinally?.()).then(() => Promise.reject(error)),
      ),
    asResponse: (target) => () => target.asResponse!().then((response) => (hooks.onRawResponse(), response), seeError),
    withResponse: (target) => () => target.withResponse!().catch(seeError),
  });
}
