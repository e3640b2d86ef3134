// ESM entry for TypeScript: `import … from './baft.mjs'` finds these types (they live in baft.d.ts).
export * from './baft.js';
