// A reader for the TOML the rule cases and example answers are written in (data/cases, data/examples),
// so that the package's suite needs no npm dependency: tables (`[expected]`), `key = value` with bare,
// quoted or dotted keys, basic and literal strings, integers (with `_`), floats, booleans, arrays over
// several lines and inline tables; comments anywhere a line may end. Anything else (multi-line strings,
// dates, arrays of tables, a key given twice) is an error naming the line, never a silent misreading.

export function parseToml(text) {
  let i = 0;
  const root = {};
  const defined = new Set([root]);
  const fail = (msg) => {
    const line = text.slice(0, i).split('\n').length;
    throw new Error(`TOML line ${line}: ${msg}`);
  };
  const at = () => text[i];
  const spaces = () => { while (at() === ' ' || at() === '\t') i++; };
  const comment = () => { if (at() === '#') while (i < text.length && at() !== '\n') i++; };
  /** Spaces, comments and line ends (inside arrays, and between lines). */
  const blank = () => {
    for (;;) {
      spaces();
      comment();
      if (at() === '\n' || (at() === '\r' && text[i + 1] === '\n')) { i += at() === '\r' ? 2 : 1; continue; }
      return;
    }
  };
  const expect = (c) => { if (at() !== c) fail(`expected ${JSON.stringify(c)}, found ${JSON.stringify(at() ?? 'end of file')}`); i++; };

  const basicString = () => {
    if (text.startsWith('"""', i)) fail('multi-line strings are not supported');
    expect('"');
    let out = '';
    for (;;) {
      const c = at();
      if (c === undefined || c === '\n') fail('unterminated string');
      i++;
      if (c === '"') return out;
      if (c !== '\\') { out += c; continue; }
      const e = at();
      i++;
      const simple = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' }[e];
      if (simple !== undefined) { out += simple; continue; }
      const len = e === 'u' ? 4 : e === 'U' ? 8 : 0;
      const hex = text.slice(i, i + len);
      if (!len || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) fail(`bad escape \\${e}`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    }
  };
  const literalString = () => {
    if (text.startsWith("'''", i)) fail('multi-line strings are not supported');
    expect("'");
    const end = text.indexOf("'", i);
    const nl = text.indexOf('\n', i);
    if (end < 0 || (nl >= 0 && nl < end)) fail('unterminated string');
    const out = text.slice(i, end);
    i = end + 1;
    return out;
  };
  const keyPart = () => {
    if (at() === '"') return basicString();
    if (at() === "'") return literalString();
    const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i, i + 200));
    if (!m) fail('expected a key');
    i += m[0].length;
    return m[0];
  };
  const keyPath = () => {
    const parts = [];
    for (;;) {
      spaces();
      parts.push(keyPart());
      spaces();
      if (at() !== '.') return parts;
      i++;
    }
  };
  const isTable = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  /** The table at `path` under `table`, made as needed (`fresh`: a [header], which may come once). */
  const descend = (table, path, fresh) => {
    for (const [n, part] of path.entries()) {
      const last = n === path.length - 1;
      if (!(part in table)) table[part] = {};
      else if (!isTable(table[part]) || (fresh && last && defined.has(table[part]))) fail(`${path.join('.')} is defined twice`);
      table = table[part];
    }
    if (fresh) defined.add(table);
    return table;
  };
  const assign = (table, path) => {
    const parent = descend(table, path.slice(0, -1), false);
    const name = path[path.length - 1];
    if (name in parent) fail(`${path.join('.')} is defined twice`);
    spaces();
    expect('=');
    spaces();
    parent[name] = value();
  };

  const value = () => {
    const c = at();
    if (c === '"') return basicString();
    if (c === "'") return literalString();
    if (c === '[') {
      i++;
      const items = [];
      for (;;) {
        blank();
        if (at() === ']') { i++; return items; }
        items.push(value());
        blank();
        if (at() === ',') { i++; continue; }
        expect(']');
        return items;
      }
    }
    if (c === '{') {
      i++;
      const table = {};
      spaces();
      if (at() === '}') { i++; return table; }
      for (;;) {
        assign(table, keyPath());
        spaces();
        if (at() === ',') { i++; continue; }
        expect('}');
        return table;
      }
    }
    const rest = text.slice(i, i + 100);
    const word = /^(true|false)(?![A-Za-z0-9_-])/.exec(rest);
    if (word) { i += word[0].length; return word[1] === 'true'; }
    if (/^\d{4}-\d{2}-\d{2}/.test(rest)) fail('dates and times are not supported (write them as strings)');
    const num = /^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?(?![A-Za-z0-9_.:-])/.exec(rest);
    if (!num) fail(`unsupported value ${JSON.stringify(rest.split('\n')[0])}`);
    i += num[0].length;
    const n = Number(num[0].replaceAll('_', ''));
    if (!num[3] && !num[5] && !Number.isSafeInteger(n)) fail(`integer ${num[0]} is out of JavaScript's exact range`);
    return n;
  };

  let table = root;
  for (;;) {
    blank();
    if (i >= text.length) return root;
    if (at() === '[') {
      if (text[i + 1] === '[') fail('arrays of tables are not supported');
      i++;
      const path = keyPath();
      expect(']');
      table = descend(root, path, true);
    } else {
      assign(table, keyPath());
    }
    spaces();
    comment();
    if (i < text.length && at() !== '\n' && at() !== '\r') fail(`unexpected ${JSON.stringify(at())} after a value`);
  }
}
