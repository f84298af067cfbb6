namespace DualEngine.Generators.Ops;

/// <summary>Converts an op's (awaited) result to an <c>OpValue</c> expression.</summary>
internal static class ResultEmitter
{
    public static string ToOpValue(OpResultKind kind, string expression) => kind switch
    {
        OpResultKind.Void => $"{OpNames.OpValue}.Undefined",
        OpResultKind.Boolean => $"{OpNames.OpValue}.From({expression})",
        OpResultKind.Int32 or OpResultKind.UInt32 or OpResultKind.Int64 or OpResultKind.Double =>
            $"{OpNames.OpValue}.From((double){expression})",
        OpResultKind.String => $"{OpNames.OpValue}.From({expression})",
        OpResultKind.Bytes => $"{OpNames.OpValue}.From({expression})",
        OpResultKind.Enum => $"{OpNames.OpValue}.From((double)(long){expression})",
        OpResultKind.Json => $"{OpNames.OpValue}.FromJson({expression}.GetRawText())",
        _ => expression,
    };
}
