/**
 * Wraps a schema compiler so that each distinct schema is compiled once per process, keyed by its JSON
 * text. Fastify hands each app its own copies of the routes'
 * schemas, so neither identity nor the compilers' own caches (Ajv's is by object, and keeps every copy)
 * reuse them; a process that builds the app again (the tests, hundreds of times) would compile them all
 * again. A compiled function depends on its schema alone, so a reused one behaves the same; the map
 * holds one entry per schema in the code.
 */
export function compileOnce<T>(compile: (schema: object) => T): (schema: object) => T {
  const compiled = new Map<string, T>();
  return (schema) => {
    const key = JSON.stringify(schema);
    let fn = compiled.get(key);
    if (!fn) {
      fn = compile(schema);
      compiled.set(key, fn);
    }
    return fn;
  };
}
