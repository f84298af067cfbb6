using DualEngine.Bench.Runtime;

// bench/run.sh passes the peers' paths; each section prints its own table.
string section = args.Length > 0 ? args[0] : "all";
if (section is "startup" or "all") StartupBench.Run(args.Skip(1).ToArray());
if (section is "ops" or "all") OpCallBench.Run(section == "ops" ? args.Skip(1).ToArray() : []);
return 0;
