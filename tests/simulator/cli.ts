/**
 * `npm run sim -- --iocs 5000 [--port 8443] [--http] [--seed 7] [--fixtures]`: a console to point the
 * extension at by hand. Serves HTTPS by default (the manifest only grants https://*.sentinelone.net/*).
 */
import { parseArgs } from 'node:util';
import { CONSOLE_HOST, createSimulator } from './server';

const { values } = parseArgs({
  options: {
    iocs: { type: 'string', default: '0' },
    port: { type: 'string', default: '8443' },
    seed: { type: 'string', default: '1' },
    http: { type: 'boolean', default: false },
    fixtures: { type: 'boolean', default: false },
  },
});

const started = Date.now();
const sim = createSimulator({
  iocs: Number(values.iocs),
  seed: Number(values.seed),
  includeFixtureIocs: values.fixtures,
});
const server = await sim.listen({ port: Number(values.port), https: !values.http });
const out = (line: string) => process.stdout.write(`${line}\n`);
out(
  `SentinelOne simulator ready in ${Date.now() - started} ms, ${sim.iocs().length} IOCs in the default account`,
);
if (!values.http) {
  out(`  Console URL:  https://${CONSOLE_HOST}:${server.port}`);
  out(`               (map ${CONSOLE_HOST} to 127.0.0.1, e.g. in /etc/hosts or with`);
  out(`                --host-resolver-rules="MAP *.sentinelone.net 127.0.0.1:${server.port}")`);
}
out(`  Local URL:    ${server.url}`);
out(`  API token:    ${sim.defaultToken}`);
out(`  Account id:   ${sim.defaultAccountId}`);
out(`  Control:      ${server.url}/__sim/info`);
out('Ctrl-C to stop.');

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
