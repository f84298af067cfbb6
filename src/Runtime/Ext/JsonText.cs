using System.Text;
using System.Text.Json;

namespace DualEngine.Runtime.Ext;

/// <summary>Builds JSON text for ops that return structured values (OpValue.FromJson), without reflection.</summary>
internal static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
