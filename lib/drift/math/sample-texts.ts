import type { Rng } from "./rng";

/**
 * Seeded synthetic user questions for tests, the benchmark and the demo data: English billing
 * questions, Korean refund questions, and generic product questions.
 */
const pickOne = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const EN_BILLING = [
  "Why was I charged {amount} twice on my {card} card this month?",
  "Can you explain the {amount} line on my latest invoice?",
  "How do I update the billing address for my {plan} plan?",
  "My invoice for {month} shows the wrong VAT number, can you fix it?",
  "When does my {plan} subscription renew and how much will I be billed?",
  "I was billed for {seats} seats but we only use {fewer}. Why?",
  "Where can I download the invoice PDF for {month}?",
  "Is there a discount if we switch the {plan} plan to annual billing?",
];
const KO_REFUND = [
  "{month} 결제 건 환불 받을 수 있나요? {amount} 결제됐어요.",
  "환불 신청했는데 언제 {card} 카드로 입금되나요?",
  "{plan} 요금제 해지하고 남은 기간 환불해 주세요.",
  "중복 결제된 {amount} 환불 처리 부탁드립니다.",
  "환불 요청 후 {days}일이 지났는데 아직 환불이 안 됐어요.",
  "주문 취소했는데 환불 금액이 {amount}보다 적게 들어왔어요.",
  "부분 환불 가능한가요? {seats}명 중 {fewer}명만 사용했어요.",
  "환불 규정이 어떻게 되나요? {plan} 요금제 결제한 지 {days}일 됐어요.",
];
const EN_PRODUCT = [
  "How do I export my {plan} dashboard to CSV?",
  "Can I invite {seats} teammates to the workspace?",
  "The search page is slow since {month}, is there an outage?",
  "How do I connect the API with my {card} integration?",
];

function fill(rng: Rng, template: string): string {
  return template
    .replaceAll("{amount}", `$${(5 + Math.floor(rng() * 500)).toString()}.${Math.floor(rng() * 90 + 10)}`)
    .replaceAll("{card}", pickOne(rng, ["Visa", "Mastercard", "Amex", "company", "personal", "신한", "국민"]))
    .replaceAll("{plan}", pickOne(rng, ["Pro", "Team", "Business", "Starter", "Enterprise"]))
    .replaceAll("{month}", pickOne(rng, ["January", "March", "June", "October", "November", "last month"]))
    .replaceAll("{seats}", String(5 + Math.floor(rng() * 40)))
    .replaceAll("{fewer}", String(1 + Math.floor(rng() * 4)))
    .replaceAll("{days}", String(2 + Math.floor(rng() * 20)));
}

export type QuestionTopic = "en-billing" | "ko-refund" | "en-product";

export function sampleQuestion(rng: Rng, topic: QuestionTopic): string {
  const templates = topic === "en-billing" ? EN_BILLING : topic === "ko-refund" ? KO_REFUND : EN_PRODUCT;
  return fill(rng, pickOne(rng, templates));
}

/** n questions: a share `shifted` of them Korean refund questions, the rest the usual English mix. */
export function sampleQuestions(rng: Rng, n: number, shifted = 0): string[] {
  return Array.from({ length: n }, () =>
    rng() < shifted ? sampleQuestion(rng, "ko-refund") : sampleQuestion(rng, rng() < 0.75 ? "en-billing" : "en-product"));
}
