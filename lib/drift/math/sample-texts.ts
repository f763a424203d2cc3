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

/** Korean, another subject (delivery): a same-language topic shift for the power tests. */
const KO_DELIVERY = [
  "주문한 상품이 {days}일째 배송 중으로 나와요. 언제 도착하나요?",
  "배송지 주소를 변경하고 싶어요. 아직 출고 전인가요?",
  "택배 송장 번호 조회가 안 돼요. 확인 부탁드립니다.",
  "{plan} 상품 배송이 누락됐어요. 박스에 {fewer}개만 왔어요.",
  "해외 배송도 가능한가요? 배송비는 얼마인가요?",
  "배송 예정일이 {month}로 나오는데 더 빨리 받을 수 있나요?",
  "경비실에 맡겨 달라고 했는데 문 앞에 두고 갔어요.",
  "배송 기사님 연락처를 알 수 있을까요?",
];
/** English, a subject absent from the usual mix (account security): an emerging topic. */
const EN_SECURITY = [
  "I never received the two-factor code on my {card} phone, how do I log in?",
  "Someone reset my password from an unknown device, is my account compromised?",
  "How do I turn on SSO for the {plan} workspace?",
  "My API key leaked in a public repo, how do I rotate it?",
  "Can admins force {seats} users to enable two-factor authentication?",
  "I got a suspicious login alert from another country in {month}.",
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

const TEMPLATES = { "en-billing": EN_BILLING, "ko-refund": KO_REFUND, "en-product": EN_PRODUCT, "ko-delivery": KO_DELIVERY, "en-security": EN_SECURITY } as const;
export type QuestionTopic = keyof typeof TEMPLATES;

export function sampleQuestion(rng: Rng, topic: QuestionTopic): string {
  return fill(rng, pickOne(rng, TEMPLATES[topic]));
}

/** n questions: a share `shifted` of them Korean refund questions, the rest the usual English mix. */
export function sampleQuestions(rng: Rng, n: number, shifted = 0): string[] {
  return Array.from({ length: n }, () =>
    rng() < shifted ? sampleQuestion(rng, "ko-refund") : sampleQuestion(rng, rng() < 0.75 ? "en-billing" : "en-product"));
}
