import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** Replace some query parameters (null deletes one) without a history entry per keystroke, unless `push`. */
export function useSearchParamsPatch() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  return (patch: Record<string, string | number | null | undefined>, options: { push?: boolean } = {}) => {
    const params = new URLSearchParams(search.toString());
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === undefined || value === "") params.delete(key);
      else params.set(key, String(value));
    }
    const url = `${pathname}${params.size ? `?${params}` : ""}`;
    if (options.push) router.push(url, { scroll: false });
    else router.replace(url, { scroll: false });
  };
}
