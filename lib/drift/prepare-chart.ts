// components/drift/* still import this path and belong to another change (house-client); once they
// import chart/prepare-drift-chart and chart/projection-view directly, delete this file.
export * from "./chart/prepare-drift-chart";
export * from "./chart/projection-view";
