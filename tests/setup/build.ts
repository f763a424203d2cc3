// Browser and start-up tests run the production build, as users do; build it once.
import { ensureBuild } from "../../scripts/lib/build";

export default async function setup() {
  await ensureBuild((line) => console.log(line));
}
