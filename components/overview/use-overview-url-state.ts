import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type OverviewState, parseOverviewState, serializeOverviewState } from "./overview-url-state";

/** The view lives in the URL so a link reproduces it; writes replace history rather than piling up entries. */
export function useOverviewUrlState() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useMemo(() => parseOverviewState(params), [params]);
  const setState = useCallback(
    (next: OverviewState) => {
      const qs = serializeOverviewState(next);
      router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return [state, setState] as const;
}
