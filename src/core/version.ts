/** The tool's version, written into every summary's provenance (kept in step with package.json by a test). */
export const VERSION = '0.1.0';
export const TOOL_NAME = 'reform-progress';
