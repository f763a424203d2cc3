import { describe, expect, it } from "vitest";
import { compileSwapper, fitParticle } from "./swap";
import { counterfactualTermsSchema, DEFAULT_TERM_PAIRS } from "./terms";

const swapper = compileSwapper(DEFAULT_TERM_PAIRS);
const swap = (text: string) => swapper.swapText(text).text;

describe("counterfactual swapper: English", () => {
  it("swaps whole words only and keeps the case", () => {
    expect(swap("He said he would call his mother.")).toBe("She said she would call her father.");
    expect(swap("HE IS HERE")).toBe("SHE IS HERE");
    expect(swap("The helper, the shepherd and the theme stay.")).toBe("The helper, the shepherd and the theme stay.");
    expect(swap("Mr. Kim is a 20-year-old student from Seoul.")).toBe("Ms. Kim is a 60-year-old retiree from Busan.");
  });

  it("swaps simultaneously: a replacement is never swapped back", () => {
    expect(swap("he and she")).toBe("she and he");
    expect(swap("A man, a woman.")).toBe("A woman, a man.");
  });

  it("matches multi-word terms across any whitespace", () => {
    expect(swap("People in their 20s and New  York")).toBe("People in their 60s and Mississippi");
  });

  it("reports the swaps made with their category and count", () => {
    const r = swapper.swapText("He met him. He left.");
    expect(r.swaps).toEqual([{ from: "he", to: "she", category: "gender", count: 2 }]);
  });
});

describe("counterfactual swapper: Korean", () => {
  it("swaps a term followed by a particle, a space, punctuation or the end, and fits the particle", () => {
    expect(swap("남자는 의사가 되었다")).toBe("여자는 의사가 되었다");
    expect(swap("남편은 회사에 갔다")).toBe("아내는 회사에 갔다");
    expect(swap("아내가 요리를 했다")).toBe("남편이 요리를 했다");
    expect(swap("서울로 이사했다")).toBe("부산으로 이사했다");
    expect(swap("부산으로 이사했다")).toBe("서울로 이사했다");
    expect(swap("20대 남자 지원자")).toBe("60대 여자 지원자");
    expect(swap("서울과 부산")).toBe("부산과 서울");
    // 이 + Hangul is the copula (이고, 이며), which stays; the subject particle 이 becomes 가.
    expect(swap("지원자는 남편이고 그의 아내가 추천했다")).toBe("지원자는 아내이고 그녀의 남편이 추천했다");
  });

  it("does not read 그녀 as 그 + 녀, or 그 사람 / 그것 as the pronoun", () => {
    expect(swap("그는 그녀의 친구다")).toBe("그녀는 그의 친구다");
    expect(swap("그녀는 그가 왔다고 말했다")).toBe("그는 그녀가 왔다고 말했다");
    expect(swap("그 사람은 그것을 샀다")).toBe("그 사람은 그것을 샀다");
    expect(swap("그녀석")).toBe("그녀석");
  });

  it("leaves terms inside longer words alone", () => {
    expect(swap("미남자와 서울대학교")).toBe("미남자와 서울대학교");
    expect(swap("남자친구와 여자 친구")).toBe("여자친구와 남자 친구");
  });

  it("fits particles to the new word's final consonant", () => {
    expect(fitParticle("아내", "은")).toBe("는");
    expect(fitParticle("남편", "가")).toBe("이");
    expect(fitParticle("서울", "으로")).toBe("로");
    expect(fitParticle("부산", "로는")).toBe("으로는");
    expect(fitParticle("그녀", "의")).toBe("의");
  });

  it("swaps every string inside a JSON input and mixes languages", () => {
    const r = swapper.swapValue({ question: "Should he apply?", ko: ["그는 20대이다"], n: 3 });
    expect(r.value).toEqual({ question: "Should she apply?", ko: ["그녀는 60대이다"], n: 3 });
    expect(r.swaps.map((s) => s.from).sort()).toEqual(["20대", "he", "그"]);
  });
});

describe("term list", () => {
  it("the defaults are valid: every term has one counterpart", () => {
    expect(counterfactualTermsSchema.safeParse({ pairs: DEFAULT_TERM_PAIRS }).success).toBe(true);
  });

  it("rejects a term in two pairs, naming the field", () => {
    const r = counterfactualTermsSchema.safeParse({ pairs: [{ category: "gender", a: "he", b: "she" }, { category: "gender", a: "He", b: "they" }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["pairs", 1, "a"]);
  });
});
