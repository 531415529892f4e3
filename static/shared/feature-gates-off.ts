/**
 * Build-time stand-in for `@atlaskit/feature-gate-js-client/feature-gates` (see
 * vite.config.ts). Atlaskit packages read platform feature gates through that client; in a
 * Forge app it is never initialised, so every gate reads false and every experiment its
 * default. This stand-in answers the same without bundling the Statsig client (~31 KB gzip).
 * Only the members the bundled Atlaskit code calls are provided.
 */
const FeatureGates = {
  checkGate: (_gate: string): boolean => false,
  getExperimentValue: <T>(_experiment: string, _parameter: string, defaultValue: T): T => defaultValue,
  initializeCompleted: (): boolean => false,
};

export default FeatureGates;
