export interface FoundCli {
  path: string;
  source: string;
}
export declare function findTemporalCli(configured?: string): FoundCli | undefined;
export declare function buildTemporalCliWithGo(log?: (line: string) => void): FoundCli | undefined;
export declare const cachedBinary: string;
export declare const TEMPORAL_CLI_VERSION: string;
/** The Go toolchain: `go` on PATH, else /usr/local/go/bin/go. */
export declare function findGo(): string | undefined;
export declare function isExecutable(file: string): boolean;
