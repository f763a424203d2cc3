// date-fns: locale-safe relative times without hand-rolled unit math.
import { format, formatDistanceToNowStrict } from "date-fns";

export function formatDateTime(value: string | Date): string {
  return format(new Date(value), "yyyy-MM-dd HH:mm:ss");
}

export function formatRelative(value: string | Date): string {
  return `${formatDistanceToNowStrict(new Date(value))} ago`;
}
