using System.Text;
using System.Text.Json;
using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Ext.Fs;
using DualEngine.Runtime.Permissions;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Ext.Resources;

/// <summary>Ops behind js/31_files.js: Deno.open / FsFile, Deno.close and Deno.resources.</summary>
public static partial class ResourceOps
{
    [Op]
    public static void op_resources_close([FromState] ResourceTable table, int rid) => table.Close(rid);

    /// <summary>Deno.resources(): { rid: name } for diagnostics.</summary>
    [Op]
    public static OpValue op_resources_list([FromState] ResourceTable table)
    {
        return OpValue.FromJson(JsonText.Write(json =>
        {
            json.WriteStartObject();
            foreach (var (rid, name) in table.Names()) json.WriteString(rid.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
            json.WriteEndObject();
        }));
    }

    /// <summary>Deno.openSync(path, { read, write, append, create, truncate, createNew }): checks read and/or write permission.</summary>
    [Op]
    public static int op_fs_open_sync([FromState] PermissionContainer permissions, [FromState] ResourceTable table, string path,
        bool read, bool write, bool append, bool create, bool truncate, bool createNew)
    {
        string full = Path.GetFullPath(path, Environment.CurrentDirectory);
        if (read) permissions.Check(PermissionKind.Read, full, "Deno.openSync()");
        if (write || append) permissions.Check(PermissionKind.Write, full, "Deno.openSync()");
        var mode = createNew ? FileMode.CreateNew
            : create && truncate ? FileMode.Create
            : create ? (append ? FileMode.Append : FileMode.OpenOrCreate)
            : truncate ? FileMode.Truncate
            : append ? FileMode.Append
            : FileMode.Open;
        var access = (read, write || append) switch { (true, true) => FileAccess.ReadWrite, (false, true) => FileAccess.Write, _ => FileAccess.Read };
        if (mode == FileMode.Append && read) mode = FileMode.OpenOrCreate;  // .NET's Append is write-only
        return FsErrors.Guard("open", path, () =>
        {
            if (createNew && File.Exists(full)) throw FsErrors.AlreadyExists("open", path);
            return table.Add(new FsFileResource(new FileStream(full, mode, access, FileShare.ReadWrite, 4096, useAsync: true)));
        });
    }

    /// <summary>FsFile.read(buffer): up to <paramref name="length"/> bytes, or null at end of file.</summary>
    [Op]
    public static async Task<OpValue> op_fs_file_read_async([FromState] ResourceTable table, int rid, int length)
    {
        var file = table.Get<FsFileResource>(rid);
        var buffer = new byte[Math.Max(0, length)];
        int read = await file.RunAsync(token => file.Stream.ReadAsync(buffer, token).AsTask());
        return read == 0 && length > 0 ? OpValue.Null : OpValue.From(buffer.AsSpan(0, read).ToArray());
    }

    [Op]
    public static async Task<int> op_fs_file_write_async([FromState] ResourceTable table, int rid, byte[] data)
    {
        var file = table.Get<FsFileResource>(rid);
        await file.RunAsync(async token => await file.Stream.WriteAsync(data, token));
        return data.Length;
    }
}

/// <summary>An open file, as Deno's "fsFile" resource.</summary>
internal sealed class FsFileResource(FileStream stream) : Resource
{
    public FileStream Stream { get; } = stream;

    public override string Name => "fsFile";

    protected override void Release() => Stream.Dispose();
}
