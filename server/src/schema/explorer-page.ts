/**
 * A tiny, self-contained GraphQL explorer served on GET /graphql (browsers). Apollo's own landing pages
 * load their code from Apollo's CDN; this page loads nothing from anywhere but this server.
 */
import type { ApolloServerPlugin } from '@apollo/server';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trellis data API</title>
<style>
body{font:14px system-ui,sans-serif;margin:0;display:grid;grid-template-columns:1fr 1fr;grid-template-rows:auto 1fr 8em;height:100vh}
header{grid-column:1/3;padding:.5em 1em;background:#23395d;color:#fff;display:flex;gap:1em;align-items:center}
header h1{font-size:1em;margin:0;flex:1}
textarea,pre{font:13px ui-monospace,monospace;margin:0;padding:.75em;border:1px solid #ccc;box-sizing:border-box;width:100%;height:100%;overflow:auto}
#query{grid-row:2}#result{grid-row:2/4;grid-column:2;background:#f7f7f7;white-space:pre-wrap}#vars{grid-row:3}
button{font:inherit;padding:.3em 1em;cursor:pointer}
</style></head><body>
<header><h1>Trellis data API — POST /graphql</h1><button id="types">Types</button><button id="run">Run ▶ (Ctrl+Enter)</button></header>
<textarea id="query" spellcheck="false">{ _version }</textarea>
<textarea id="vars" spellcheck="false" placeholder="Variables (JSON)"></textarea>
<pre id="result"></pre>
<script>
const $ = (id) => document.getElementById(id);
async function post(query, variables) {
  const res = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return res.json();
}
async function run() {
  let variables;
  try { variables = $('vars').value.trim() ? JSON.parse($('vars').value) : undefined; } catch (e) { $('result').textContent = 'Variables are not JSON: ' + e.message; return; }
  $('result').textContent = '…';
  try { $('result').textContent = JSON.stringify(await post($('query').value, variables), null, 2); } catch (e) { $('result').textContent = String(e); }
}
function typeName(t) { return t.kind === 'NON_NULL' ? typeName(t.ofType) + '!' : t.kind === 'LIST' ? '[' + typeName(t.ofType) + ']' : t.name; }
async function types() {
  const q = '{ __schema { types { name kind fields { name type { ...T } args { name type { ...T } } } inputFields { name type { ...T } } enumValues { name } } } }' +
    ' fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
  const { data } = await post(q);
  $('result').textContent = data.__schema.types.filter((t) => !t.name.startsWith('__')).map((t) => {
    const members = (t.fields || t.inputFields || []).map((f) => '  ' + f.name + (f.args && f.args.length ? '(' + f.args.map((a) => a.name + ': ' + typeName(a.type)).join(', ') + ')' : '') + ': ' + typeName(f.type));
    const values = (t.enumValues || []).map((v) => '  ' + v.name);
    return t.kind.toLowerCase() + ' ' + t.name + (members.length + values.length ? ' {\\n' + members.concat(values).join('\\n') + '\\n}' : '');
  }).join('\\n\\n');
}
$('run').onclick = run;
$('types').onclick = types;
$('query').onkeydown = (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); } };
</script></body></html>`;

/** Apollo plugin answering browser GETs on the endpoint with the page above. */
export function explorerPagePlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: PAGE };
        },
      };
    },
  };
}
