using System.Collections.Concurrent;

namespace DualEngine.Conformance.Tests;

/// <summary>
/// Runs every conformance program on every available engine once, as `dualrt run --engine X`
/// processes, two at a time (one per core), and keeps the normalised results for the tests.
/// </summary>
internal sealed class ConformanceRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Engine, string Program), ProcessResult> _results = new();

    public ConformanceRun()
    {
        if (!File.Exists(RepoPaths.Dualrt))
            throw new InvalidOperationException($"{RepoPaths.Dualrt} is not built; build the solution in {RepoPaths.Configuration} first");
        var work = Tests.Engines.Available.SelectMany(e => ConformanceProgram.All().Select(p => (Engine: e, Program: p))).ToList();
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, item =>
        {
            var program = item.Program;
            var result = ProcessRunner.Run(RepoPaths.Dualrt,
                ["run", "--engine", item.Engine, .. program.Flags, Path.GetFileName(program.FullPath), .. program.Arguments],
                Path.GetDirectoryName(program.FullPath)!, Timeout);
            _results[(item.Engine, program.RelativePath)] = result with
            {
                Stdout = Normaliser.Apply(result.Stdout),
                Stderr = Normaliser.Apply(result.Stderr),
            };
        });
        CiSummary.Write("conformance.md", CiSummary.Conformance(Engines, ConformanceProgram.All().ToList(), Result));
    }

    public IReadOnlyList<string> Engines => Tests.Engines.Available;

    public ProcessResult Result(string engine, string program) => _results[(engine, program)];
}

/// <summary>The xunit class fixture around <see cref="ConformanceRun"/> (fixtures must be public; the run's types are not).</summary>
public sealed class ConformanceRunFixture
{
    private readonly Lazy<ConformanceRun> _run = new(() => new ConformanceRun());
    internal IReadOnlyList<string> Engines => _run.Value.Engines;
    internal ProcessResult Result(string engine, string program) => _run.Value.Result(engine, program);
}
