// The layering rules `npm test` checks (tests/architecture/dependency-rules.test.ts).
// dependency-cruiser is made for this: it resolves imports the way TypeScript and Next do
// (tsconfig paths, type-only imports) and follows them transitively, which a grep cannot.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "client-reaches-server",
      comment:
        "Components and react-query hooks run in the browser: they never import the database, pg, Prisma or a server-only module, directly or through another module. Type-only imports are erased at build and allowed.",
      severity: "error",
      from: { path: "^(components|lib/queries)/" },
      to: {
        path: [
          "^lib/db\\.ts$",
          "^lib/db-[a-z-]+\\.ts$",
          "^lib/generated/",
          "^node_modules/(pg|pg-boss|server-only|@prisma/client|@prisma/adapter-pg)/",
        ],
        reachable: true,
      },
    },
    {
      name: "lib-imports-routes-or-ui",
      comment: "Domain code (lib/) is used by routes and components, never the other way round.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "sdk-stands-alone",
      comment: "The SDK is published on its own: it imports nothing outside sdk/ but Node's built-ins and its one dependency (mustache, in sdk/package.json).",
      severity: "error",
      from: { path: "^sdk/" },
      to: { pathNot: ["^sdk/", "^node_modules/mustache/"], dependencyTypesNot: ["core"] },
    },
    {
      name: "no-circular",
      comment: "A cycle makes load order matter and hides which module owns what.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(\\.next|lib/generated)/|\\.test\\.tsx?$" },
    // Type-only imports vanish when TypeScript compiles, so they are not dependencies here.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
