namespace DualEngine.Test262.Running;

public enum Verdict { Pass, Fail, Skip }

/// <summary>The result of one test file over all its modes: a fail names the first mode that failed and why.</summary>
public sealed record Outcome(string Path, Verdict Verdict, string Message, double Milliseconds)
{
    public static Outcome Pass(string path, double ms) => new(path, Verdict.Pass, "", ms);
    public static Outcome Skip(string path, string why) => new(path, Verdict.Skip, why, 0);
    public static Outcome Fail(string path, string why, double ms) => new(path, Verdict.Fail, why, ms);
}
