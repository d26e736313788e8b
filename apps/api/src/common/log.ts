/** Where a service's log lines go: a Nest `Logger` in the API, the CLI's stderr logger on its framework-free path. */
export interface Log {
  log(message: string): void;
  warn(message: string): void;
}
