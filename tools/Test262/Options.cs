namespace DualEngine.Test262;

/// <summary>The command line (see README.md). Hand-parsed: a dozen flags do not need a parser library.</summary>
public sealed class Options
{
    public List<string> Engines { get; } = [];
    public List<string> Filters { get; } = [];
    public List<string> Features { get; } = [];
    public bool NoExclusions { get; set; }
    public int Every { get; set; } = 1;
    public bool Ci { get; set; }
    public int Jobs { get; set; } = Environment.ProcessorCount;
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public string? Test262 { get; set; }
    public string? OutDir { get; set; }
    public bool UpdateBaseline { get; set; }
    public bool Worker { get; set; }

    /// <summary>Every Nth test file (stable hash of the path) makes the CI subset.</summary>
    public const int CiEvery = 10;

    public const string Usage = """
        usage: Test262 [--engine v8|managed|all]... [--filter <dir under test/>]... [--every N] [--ci]
                       [--feature F]... [--no-exclusions] [--jobs N] [--timeout ms] [--test262 <path>]
                       [--out <dir>] [--update-baseline]
          --engine           engine to run (repeatable; default v8; "all" = every available engine)
          --filter           only files under this folder of test/, e.g. built-ins/Array (repeatable)
          --feature F        only files whose frontmatter lists feature F (repeatable)
          --no-exclusions    also run the features excluded-features.<engine>.txt lists (to re-check them)
          --every N          only every Nth file (stable hash of its path)
          --ci               the CI subset (--every 10); fails on any test that is not in the baseline
          --update-baseline  rewrite baselines/<engine>.txt from this run's failures (for the files it ran)
        exit code: 0 when every failure is in baselines/<engine>.txt, 1 on a regression, 2 on a usage error
        """;

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--engine": o.Engines.Add(Next()); break;
                case "--filter": o.Filters.Add(Next()); break;
                case "--feature": o.Features.Add(Next()); break;
                case "--no-exclusions": o.NoExclusions = true; break;
                case "--every": o.Every = int.Parse(Next()); break;
                case "--ci": o.Ci = true; break;
                case "--jobs": o.Jobs = int.Parse(Next()); break;
                case "--timeout": o.Timeout = TimeSpan.FromMilliseconds(int.Parse(Next())); break;
                case "--test262": o.Test262 = Next(); break;
                case "--out": o.OutDir = Next(); break;
                case "--update-baseline": o.UpdateBaseline = true; break;
                case "--worker": o.Worker = true; break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        if (o.Ci && o.Every == 1) o.Every = CiEvery;
        if (o.Engines.Count == 0) o.Engines.Add("v8");
        return o;
    }
}
