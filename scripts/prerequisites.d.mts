export declare const PG_URL: string;
export declare const CHROMIUM: string;
/** One line per missing prerequisite (empty when all are there). */
export declare function missingPrerequisites(): Promise<string[]>;
