export {};
//# sourceMappingURL=robot.js.map