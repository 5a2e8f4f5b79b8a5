// npm run schedule -- <functionName> [--port-base N]
// Runs a scheduled (onSchedule) function of the running local stack now.
import { readStackState } from './stack-state.mjs';
import { listScheduled, runScheduledFunction } from './scheduler.mjs';

const args = process.argv.slice(2);
const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--port-base');
try {
  const st = readStackState(process.argv);
  if (names.length === 0) {
    const fns = await listScheduled(st.functionsUrl);
    console.log('usage: npm run schedule -- <functionName>\nscheduled functions:');
    for (const f of fns) console.log(`  ${f.name.padEnd(28)} ${f.schedule.schedule} (${f.schedule.timeZone || 'UTC'})`);
    process.exit(fns.length ? 0 : 1);
  }
  for (const name of names) {
    const r = await runScheduledFunction({ functionsUrl: st.functionsUrl, projectId: st.projectId, name });
    console.log(`${r.id}: HTTP ${r.status} in ${r.ms} ms`);
  }
} catch (e) {
  console.error(`schedule: ${e.message}`);
  process.exit(1);
}
