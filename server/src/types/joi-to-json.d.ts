// joi-to-json ships types for its `parse(joi, 'open-api-3.1')` entry only; its parser class takes a joi description.
declare module 'joi-to-json/lib/parsers/open-api-3.1' {
  export default class OpenApi31Parser {
    constructor(options?: Record<string, unknown>);
    parse(description: unknown, definitions?: Record<string, unknown>): Record<string, unknown>;
  }
}
