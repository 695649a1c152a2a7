/** Builds the API and the web app when their sources changed (or always, with force); `only` picks some. */
export function build(options?: { force?: boolean; only?: ('api' | 'web')[] }): void;
