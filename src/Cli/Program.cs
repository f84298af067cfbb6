using DualEngine.Backends.V8;
using DualEngine.Cli;

// Loading V8 is most of dualrt's start-up: begin it on another core while the command line is parsed,
// unless the managed engine was asked for.
if (!EngineFactory.ManagedRequested(args)) V8Engine.BeginInitialize();
return DualrtCommand.Run(args);
