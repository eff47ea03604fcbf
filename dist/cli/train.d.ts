export {};
//# sourceMappingURL=train.d.ts.map