using System.Text;
using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Permissions;

namespace DualEngine.Runtime.Ext.Fs;

/// <summary>
/// Ops behind js/30_fs.js. Every op checks read or write permission first (deno's runtime/ops/fs.rs),
/// on the path resolved against the current directory.
/// </summary>
public static partial class FsOps
{
    private static string Resolve(string path) => Path.GetFullPath(path, Environment.CurrentDirectory);

    /// <summary>Deno.cwd(): deno 2 answers without a read permission check (checked against deno 2.9.6).</summary>
    [Op]
    public static string op_fs_cwd() => Environment.CurrentDirectory;

    [Op]
    public static string op_fs_read_text_file_sync([FromState] PermissionContainer permissions, string path)
    {
        string full = CheckRead(permissions, path, "Deno.readTextFileSync()");
        return FsErrors.Guard("readfile", path, () => ReadText(full, path));
    }

    [Op]
    public static async Task<string> op_fs_read_text_file_async([FromState] PermissionContainer permissions, string path)
    {
        string full = CheckRead(permissions, path, "Deno.readTextFile()");
        byte[] bytes = await GuardAsync("readfile", path, () => ReadBytesAsync(full, path));
        return Encoding.UTF8.GetString(bytes);
    }

    [Op]
    public static byte[] op_fs_read_file_sync([FromState] PermissionContainer permissions, string path)
    {
        string full = CheckRead(permissions, path, "Deno.readFileSync()");
        return FsErrors.Guard("readfile", path, () =>
        {
            if (Directory.Exists(full)) throw FsErrors.IsADirectory("readfile", path);
            return File.ReadAllBytes(full);
        });
    }

    [Op]
    public static Task<byte[]> op_fs_read_file_async([FromState] PermissionContainer permissions, string path)
    {
        string full = CheckRead(permissions, path, "Deno.readFile()");
        return GuardAsync("readfile", path, () => ReadBytesAsync(full, path));
    }

    [Op]
    public static void op_fs_write_file_sync([FromState] PermissionContainer permissions, string path, byte[] data, bool append, bool create)
    {
        string full = CheckWrite(permissions, path, "Deno.writeFileSync()");
        FsErrors.Guard("open", path, () => { Write(full, path, data, append, create); return 0; });
    }

    [Op]
    public static async Task op_fs_write_file_async([FromState] PermissionContainer permissions, string path, byte[] data, bool append, bool create)
    {
        string full = CheckWrite(permissions, path, "Deno.writeFile()");
        await GuardAsync("open", path, async () =>
        {
            if (!create && !File.Exists(full)) throw FsErrors.NotFound("open", path);
            await using var stream = new FileStream(full, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.ReadWrite, 4096, useAsync: true);
            await stream.WriteAsync(data);
            return 0;
        });
    }

    /// <summary>Deno.FileInfo as JSON (times in ms since the epoch, null where unknown).</summary>
    [Op]
    public static OpValue op_fs_stat_sync([FromState] PermissionContainer permissions, string path, bool followSymlinks)
    {
        string full = CheckRead(permissions, path, followSymlinks ? "Deno.statSync()" : "Deno.lstatSync()");
        return OpValue.FromJson(FsErrors.Guard(followSymlinks ? "stat" : "lstat", path, () => StatJson(full, path, followSymlinks)));
    }

    [Op]
    public static void op_fs_mkdir_sync([FromState] PermissionContainer permissions, string path, bool recursive)
    {
        string full = CheckWrite(permissions, path, "Deno.mkdirSync()");
        FsErrors.Guard("mkdir", path, () =>
        {
            if (!recursive)
            {
                // Directory.CreateDirectory is always recursive and quiet about existing folders; Deno's is not.
                if (Directory.Exists(full) || File.Exists(full)) throw FsErrors.AlreadyExists("mkdir", path);
                if (!Directory.Exists(Path.GetDirectoryName(full))) throw FsErrors.NotFound("mkdir", path);
            }
            Directory.CreateDirectory(full);
            return 0;
        });
    }

    [Op]
    public static void op_fs_remove_sync([FromState] PermissionContainer permissions, string path, bool recursive)
    {
        string full = CheckWrite(permissions, path, "Deno.removeSync()");
        FsErrors.Guard("remove", path, () =>
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null || File.Exists(full)) File.Delete(full);
            else if (Directory.Exists(full))
            {
                if (!recursive && Directory.EnumerateFileSystemEntries(full).Any()) throw FsErrors.DirectoryNotEmpty("remove", path);
                Directory.Delete(full, recursive);
            }
            else throw FsErrors.NotFound("remove", path);
            return 0;
        });
    }

    /// <summary>Deno.DirEntry[] as JSON: name, isFile, isDirectory, isSymlink.</summary>
    [Op]
    public static OpValue op_fs_read_dir_sync([FromState] PermissionContainer permissions, string path)
    {
        string full = CheckRead(permissions, path, "Deno.readDirSync()");
        return OpValue.FromJson(FsErrors.Guard("readdir", path, () =>
        {
            if (File.Exists(full)) throw FsErrors.NotADirectory("readdir", path);
            return JsonText.Write(json =>
            {
                json.WriteStartArray();
                foreach (var entry in new DirectoryInfo(full).EnumerateFileSystemInfos())
                {
                    bool link = entry.LinkTarget is not null;
                    json.WriteStartObject();
                    json.WriteString("name", entry.Name);
                    json.WriteBoolean("isFile", !link && entry is FileInfo);
                    json.WriteBoolean("isDirectory", !link && entry is DirectoryInfo);
                    json.WriteBoolean("isSymlink", link);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            });
        }));
    }

    private static string CheckRead(PermissionContainer permissions, string path, string api)
    {
        string full = Resolve(path);
        permissions.Check(PermissionKind.Read, full, api);
        return full;
    }

    private static string CheckWrite(PermissionContainer permissions, string path, string api)
    {
        string full = Resolve(path);
        permissions.Check(PermissionKind.Write, full, api);
        return full;
    }

    private static string ReadText(string full, string path)
    {
        if (Directory.Exists(full)) throw FsErrors.IsADirectory("readfile", path);
        return File.ReadAllText(full, Encoding.UTF8);
    }

    private static async Task<byte[]> ReadBytesAsync(string full, string path)
    {
        if (Directory.Exists(full)) throw FsErrors.IsADirectory("readfile", path);
        return await File.ReadAllBytesAsync(full);
    }

    private static void Write(string full, string path, byte[] data, bool append, bool create)
    {
        if (!create && !File.Exists(full)) throw FsErrors.NotFound("open", path);
        if (Directory.Exists(full)) throw FsErrors.IsADirectory("open", path);
        using var stream = new FileStream(full, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(data);
    }

    private static async Task<T> GuardAsync<T>(string syscall, string path, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is not OpError)
        {
            // Same mapping as the sync ops, for exceptions thrown after the first await.
            return FsErrors.Guard<T>(syscall, path, () => throw e);
        }
    }

    private static string StatJson(string full, string path, bool followSymlinks)
    {
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        if (!info.Exists && info.LinkTarget is null) throw FsErrors.NotFound(followSymlinks ? "stat" : "lstat", path);
        if (followSymlinks && info.LinkTarget is not null)
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? throw FsErrors.NotFound("stat", path);
        bool link = !followSymlinks && info.LinkTarget is not null;
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("isFile", !link && info is FileInfo);
            json.WriteBoolean("isDirectory", !link && info is DirectoryInfo);
            json.WriteBoolean("isSymlink", link);
            json.WriteNumber("size", info is FileInfo file && !link ? file.Length : 4096);
            json.WriteNumber("mtime", new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds());
            json.WriteNumber("atime", new DateTimeOffset(info.LastAccessTimeUtc).ToUnixTimeMilliseconds());
            json.WriteNumber("birthtime", new DateTimeOffset(info.CreationTimeUtc).ToUnixTimeMilliseconds());
            json.WriteNumber("mode", (int)info.UnixFileMode);
            json.WriteEndObject();
        });
    }
}
