using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Ext.Fs;

/// <summary>
/// Deno's file-system error shape: class by kind, message "&lt;description&gt; (os error N): &lt;syscall&gt; '&lt;path&gt;'"
/// (e.g. <c>NotFound: No such file or directory (os error 2): readfile '/x'</c>).
/// </summary>
internal static class FsErrors
{
    public static OpError NotFound(string syscall, string path) =>
        new("NotFound", $"No such file or directory (os error 2): {syscall} '{path}'");

    public static OpError AlreadyExists(string syscall, string path) =>
        new("AlreadyExists", $"File exists (os error 17): {syscall} '{path}'");

    public static OpError IsADirectory(string syscall, string path) =>
        new("IsADirectory", $"Is a directory (os error 21): {syscall} '{path}'");

    public static OpError NotADirectory(string syscall, string path) =>
        new("NotADirectory", $"Not a directory (os error 20): {syscall} '{path}'");

    public static OpError DirectoryNotEmpty(string syscall, string path) =>
        new("Error", $"Directory not empty (os error 39): {syscall} '{path}'");

    /// <summary>Runs a file-system action, turning .NET's exceptions into Deno's errors.</summary>
    public static T Guard<T>(string syscall, string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound(syscall, path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new OpError("PermissionDenied", $"Permission denied (os error 13): {syscall} '{path}'");
        }
        catch (IOException e) when (e is not PathTooLongException)
        {
            throw new OpError("Error", $"{e.Message}: {syscall} '{path}'");
        }
    }
}
