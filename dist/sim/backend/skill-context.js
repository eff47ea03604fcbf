export {};
//# sourceMappingURL=skill-context.js.map