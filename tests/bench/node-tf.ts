/**
 * TensorFlow.js for the benchmark's Node scripts, which run without a bundler: TF.js' packages
 * import their own files without extensions (and directories), which only bundlers resolve, so
 * Node is taught to try `.js` and `/index.js` before tf-runtime.ts is loaded.
 */
import { register } from 'node:module';

const HOOK =
  'data:text/javascript,const missing = (e) => e.code === "ERR_MODULE_NOT_FOUND" || e.code === "ERR_UNSUPPORTED_DIR_IMPORT"; export async function resolve(s, c, next) { try { return await next(s, c); } catch (e) { if (!missing(e)) throw e; try { return await next(s + ".js", c); } catch { return next(s + "/index.js", c); } } }';

/** The examples' TF.js runtime (tf + layers) on `backend`. */
export async function nodeTf(backend: 'wasm' | 'cpu' = 'wasm') {
  register(HOOK);
  const runtime = await import('../../src/lib/examples/tf-runtime.ts');
  await runtime.loadTf({ backend });
  return runtime;
}
