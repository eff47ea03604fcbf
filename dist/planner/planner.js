export {};
//# sourceMappingURL=planner.js.map