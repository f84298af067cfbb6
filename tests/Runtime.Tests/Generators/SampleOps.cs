using System.Text.Json;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Tests.Generators;

public sealed class CallLog
{
    public List<string> Entries { get; } = [];
}

public enum Color { Red = 1, Green = 2 }

/// <summary>Real ops compiled through the generator in this test project (which allows unsafe code).</summary>
internal static partial class SampleOps
{
    [Op]
    public static string op_sample_greet(string name, string? title) => title is null ? $"hi {name}" : $"hi {title} {name}";

    [Op]
    public static void op_sample_log([FromState] CallLog log, string entry, bool loud) => log.Entries.Add(loud ? entry.ToUpperInvariant() : entry);

    [Op]
    public static long op_sample_sum(byte[] data, uint bias, long extra) => data.Sum(b => (long)b) + bias + extra;

    [Op]
    public static Color op_sample_next_color(Color color) => color == Color.Red ? Color.Green : Color.Red;

    [Op]
    public static JsonElement op_sample_echo(JsonElement value) => value;

    [Op]
    public static int op_sample_state_count(OpState state) => state.TryGet<CallLog>(out var log) ? log!.Entries.Count : -1;

    [Op]
    public static void op_sample_fail(string message) => throw new OpError("NotFound", message);

    [Op]
    public static int op_sample_fail_code(int code) => throw (code == 0 ? new OpError("NotFound", $"code {code}") : new IOException($"io {code}"));

    [Op]
    public static async Task<string> op_sample_delay_async(string value, int ms)
    {
        await Task.Delay(ms);
        return value + "!";
    }

    [Op]
    public static Task op_sample_fail_sync_async(string message) => throw new OpError("BadResource", message);

    [Op]
    public static async ValueTask<byte[]> op_sample_bytes_async(int length)
    {
        await Task.Yield();
        return new byte[length];
    }

    [Op(Fast = true)]
    public static int op_sample_add(int a, int b) => a + b;

    [Op(Fast = true)]
    public static bool op_sample_and(bool a, bool b) => a && b;
}
