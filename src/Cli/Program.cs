using DualEngine.Backends.V8;
using DualEngine.Cli;

// Loading V8 is most of dualrt's start-up: begin it on another core while the command line is parsed,
// unless the managed engine was asked for. The NativeAOT build has begun already, from native code, before
// Main (src/Cli/native/preload.cc); starting a thread here would then only wait for that load.
if (!EngineFactory.ManagedRequested(args) && !NativePreload.Started) V8Engine.BeginInitialize();
return DualrtCommand.Run(args);
