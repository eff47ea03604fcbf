export {};
//# sourceMappingURL=program.js.map