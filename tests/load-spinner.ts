// One core's worth of busy work for tests/load.ts. It spins in 50 ms slices so that the event
// loop still notices when the parent goes away (IPC disconnect) and exits with it.
process.on('disconnect', () => process.exit(0));

function spin(): void {
  const end = Date.now() + 50;
  let spins = 0;
  while (Date.now() < end) spins++;
  if (spins < 0) process.exit(1); // never: keeps the loop from being optimised away
  setImmediate(spin);
}
spin();
