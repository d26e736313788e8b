/** The process environment, behind a provider: read where it is injected, never through `process.env` in a service. */
export abstract class Environment {
  abstract get(name: string): string | undefined;
}

export class ProcessEnvironment extends Environment {
  get(name: string): string | undefined {
    return process.env[name];
  }
}

/** A fixed set of variables (tests). */
export class StaticEnvironment extends Environment {
  constructor(private readonly vars: Readonly<Record<string, string>>) {
    super();
  }

  get(name: string): string | undefined {
    return this.vars[name];
  }
}
