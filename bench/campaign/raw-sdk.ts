/**
 * The baseline of the dispatch benchmark, in a process of its own as the app is: the official
 * `twilio` SDK (through the plugin's own client factory, so the same HTTP client and base-URL
 * rewrite) sending Message creates to the emulator, `concurrency` at a time, with the same
 * parameters a campaign message has. Prints `{ sent, ms, cpuMs }` as JSON on stdout (cpuMs: this
 * process's CPU time, all threads, over the timed sends).
 *
 * argv: emulatorUrl accountSid authToken sender contentSid statusCallback count concurrency firstPhone warmup
 */
import { createTwilioClient } from '../../plugins/whatsapp/server/src/twilio/client-factory';

const [emulatorUrl, accountSid, authToken, sender, contentSid, statusCallback, countArg, concurrencyArg, firstArg, warmupArg] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const first = Number(firstArg);
const warmup = Math.max(concurrency, Number(warmupArg ?? 0));

const main = async () => {
  const client = createTwilioClient({ accountSid: accountSid!, authToken: authToken!, apiBaseUrl: emulatorUrl, contentBaseUrl: emulatorUrl, timeoutMs: 10_000 });
  const params = (index: number) => ({
    to: `whatsapp:+9197${String(first + index).padStart(8, '0')}`,
    from: `whatsapp:${sender}`,
    contentSid: contentSid!,
    contentVariables: JSON.stringify({ '1': `Candidate ${index}`, '2': 'Friday' }),
    statusCallback: `${statusCallback}?messageId=raw${index}`,
  });
  /** Sends messages `from`..`to` - 1, `concurrency` at a time; how many went. */
  const sendRange = async (from: number, to: number) => {
    let next = from;
    let sent = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let index = next++; index < to; index = next++) {
          await client.messages.create(params(index));
          sent += 1;
        }
      })
    );
    return sent;
  };
  // Warm-up (connections and JIT), as many messages as the app's warm-up campaign has.
  await sendRange(count, count + warmup);

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const sent = await sendRange(0, count);
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(JSON.stringify({ sent, ms: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 }));
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
