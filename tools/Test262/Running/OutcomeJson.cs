using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DualEngine.Test262.Running;

/// <summary>One outcome per line between a worker process and the driver (Utf8JsonWriter/JsonDocument, no reflection).</summary>
public static class OutcomeJson
{
    public static string Write(Outcome outcome, long workingSet)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("path", outcome.Path);
            json.WriteString("verdict", outcome.Verdict.ToString());
            json.WriteString("message", outcome.Message);
            json.WriteNumber("ms", Math.Round(outcome.Milliseconds, 1));
            json.WriteNumber("ws", workingSet);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Outcome Read(string line, out long workingSet)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        workingSet = root.GetProperty("ws").GetInt64();
        return new Outcome(
            root.GetProperty("path").GetString()!,
            Enum.Parse<Verdict>(root.GetProperty("verdict").GetString()!),
            root.GetProperty("message").GetString()!,
            root.GetProperty("ms").GetDouble());
    }
}
