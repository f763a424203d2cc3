import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { AppError } from "../errors";

let cached: { url: string; transport: Transporter } | undefined;

/** Whether Pharos can send mail (PHAROS_SMTP_URL is set): email verification depends on it. */
export function mailConfigured(): boolean {
  return Boolean(env().PHAROS_SMTP_URL);
}

/** Sends one plain-text mail through PHAROS_SMTP_URL; 503 when the SMTP server refuses or is away. */
export async function sendMail(options: { to: string; subject: string; text: string }): Promise<void> {
  const url = env().PHAROS_SMTP_URL;
  if (!url) throw new AppError("UNAVAILABLE", "This server cannot send mail (PHAROS_SMTP_URL is not set)");
  if (cached?.url !== url) cached = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  try {
    await cached.transport.sendMail({ from: env().PHAROS_MAIL_FROM, to: options.to, subject: options.subject, text: options.text });
  } catch (error) {
    // The SMTP URL holds a password: log the failure's kind, never the URL.
    console.error(`[pharos] sending mail failed: ${(error as Error).message}`);
    throw new AppError("UNAVAILABLE", "Could not send the mail; try again later");
  }
}

/** Absolute links in mails come from NEXTAUTH_URL, never from the request's Host header (which a sender controls). */
export function publicUrl(path: string): string {
  const e = env();
  const base = (e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return `${base}${path}`;
}
