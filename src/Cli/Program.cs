using DualEngine.Cli;

return DualrtCommand.Run(args);
