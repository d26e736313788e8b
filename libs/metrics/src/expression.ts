/**
 * The arithmetic of derived metrics, kept as data (`cost / clicks`, `(ad_gmv - cost) / cost`) so the
 * formula shown is the formula computed. Grammar: + - * / ( ) numbers identifiers; unary minus.
 * Any null operand, and any division by zero, gives null.
 */
export type Expr = { t: 'num'; v: number } | { t: 'ref'; key: string } | { t: 'neg'; e: Expr } | { t: 'bin'; op: '+' | '-' | '*' | '/'; l: Expr; r: Expr };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([a-z_][a-z0-9_]*)|([-+*/()]))/gy;

export function parseExpression(source: string): Expr {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < source.length && (m = TOKEN.exec(source))) {
    tokens.push(m[1] ?? m[2] ?? m[3]);
    pos = TOKEN.lastIndex;
  }
  if (source.slice(pos).trim() !== '') throw new Error(`Unexpected "${source.slice(pos).trim()}" in expression "${source}"`);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const primary = (): Expr => {
    const tok = next();
    if (tok === undefined) throw new Error(`Unexpected end of expression "${source}"`);
    if (tok === '(') {
      const e = sum();
      if (next() !== ')') throw new Error(`Missing ")" in expression "${source}"`);
      return e;
    }
    if (tok === '-') return { t: 'neg', e: primary() };
    if (/^\d/.test(tok)) return { t: 'num', v: Number(tok) };
    if (/^[a-z_]/.test(tok)) return { t: 'ref', key: tok };
    throw new Error(`Unexpected "${tok}" in expression "${source}"`);
  };
  const product = (): Expr => {
    let e = primary();
    while (peek() === '*' || peek() === '/') e = { t: 'bin', op: next() as '*' | '/', l: e, r: primary() };
    return e;
  };
  const sum = (): Expr => {
    let e = product();
    while (peek() === '+' || peek() === '-') e = { t: 'bin', op: next() as '+' | '-', l: e, r: product() };
    return e;
  };
  const e = sum();
  if (i !== tokens.length) throw new Error(`Unexpected "${tokens[i]}" in expression "${source}"`);
  return e;
}

export function referencedKeys(e: Expr, out = new Set<string>()): Set<string> {
  if (e.t === 'ref') out.add(e.key);
  else if (e.t === 'neg') referencedKeys(e.e, out);
  else if (e.t === 'bin') {
    referencedKeys(e.l, out);
    referencedKeys(e.r, out);
  }
  return out;
}

/** The expression's value, each reference looked up as it is reached (`compileExpression` for one lookup). */
export function evaluate(e: Expr, lookup: (key: string) => number | null): number | null {
  return compileExpression(e, (key) => () => lookup(key))(undefined);
}

/**
 * The expression as one function of a row index, each reference bound once to its own function of the
 * row, so a query computing thousands of rows looks up no key per row. The one implementation of the
 * arithmetic (`evaluate` is this with a single lookup): a null or non-finite input gives null.
 */
export function compileExpression<A>(e: Expr, input: (key: string) => (arg: A) => number | null | undefined): (arg: A) => number | null {
  switch (e.t) {
    case 'num': {
      const v = e.v;
      return () => v;
    }
    case 'ref': {
      const f = input(e.key);
      return (arg) => {
        const v = f(arg);
        return v === null || v === undefined || !Number.isFinite(v) ? null : v;
      };
    }
    case 'neg': {
      const f = compileExpression(e.e, input);
      return (arg) => {
        const v = f(arg);
        return v === null ? null : -v;
      };
    }
    case 'bin': {
      const l = compileExpression(e.l, input);
      const r = compileExpression(e.r, input);
      const op = e.op;
      return (arg) => applyOp(op, l(arg), r(arg));
    }
  }
}

/** One arithmetic step of an expression: a null operand gives null, and so does division by zero. */
export function applyOp(op: '+' | '-' | '*' | '/', l: number | null, r: number | null): number | null {
  if (l === null || r === null) return null;
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return r === 0 ? null : l / r;
  }
}
