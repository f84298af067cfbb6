using DualEngine.Test262;
using DualEngine.Test262.Planning;
using DualEngine.Test262.Running;

// The test262 runner (README.md). Without --worker this is the driver: it plans the run, starts one
// worker process per job and reports; with --worker it runs the tests it is sent.
Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"error: {ex.Message}\n{Options.Usage}");
    return 2;
}

string? root = options.Test262 ?? Locations.FindTest262();
if (root is null)
{
    Console.Error.WriteLine("error: test262 not found (looked for shared/test262 above the program and the current directory; or set TEST262_DIR)");
    return 2;
}

if (options.Worker) return Worker.Run(options.Engines[0], root, options.Timeout);
return Driver.Run(options, root);
