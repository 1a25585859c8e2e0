export interface FoundCli {
  path: string;
  source: string;
}
export declare function findTemporalCli(configured?: string): FoundCli | undefined;
export declare function buildTemporalCliWithGo(log?: (line: string) => void): FoundCli | undefined;
export declare const cachedBinary: string;
export declare const TEMPORAL_CLI_VERSION: string;
