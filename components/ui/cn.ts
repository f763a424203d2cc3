import clsx, { type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Class names for a primitive plus the caller's overrides. tailwind-merge drops the base
 * classes a later one conflicts with (`w-full` vs `w-40`); plain concatenation would leave
 * both, and whichever Tailwind emitted last in the CSS would win, not the caller's.
 */
export function cn(...values: ClassValue[]): string {
  return twMerge(clsx(values));
}
