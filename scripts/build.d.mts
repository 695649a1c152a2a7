/** Builds the API and the web app when their sources changed (or always, with force). */
export function build(options?: { force?: boolean }): void;
