import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** The instant the set is shown as of (`?at=`, ISO), or null for now; a snapshot is read-only. */
export function useSnapshotAt() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const at = search.get("at");
  function setAt(next: string | null) {
    const params = new URLSearchParams(search.toString());
    if (next) params.set("at", next);
    else params.delete("at");
    router.replace(`${pathname}${params.size ? `?${params}` : ""}`);
  }
  return [at, setAt] as const;
}
