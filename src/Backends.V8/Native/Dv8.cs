using System.Runtime.InteropServices;

namespace DualEngine.Backends.V8.Native;

// Mirrors native/dv8.h. Keep the two in step: field order and sizes are the contract.

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Dv8Value
{
    public int Kind;
    public int Length;
    public double Number;
    public void* Data;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Dv8OpFrame
{
    public const int InlineArgs = 6;
    public void* Info;
    public nint Realm;
    public int Argc;
    public fixed int Kinds[InlineArgs];
    public fixed double Numbers[InlineArgs];
    public int IntMask;
    public fixed int Ints[InlineArgs];
    public int ResultKind;
    public double ResultNumber;
    public char* ThrowClass; public int ThrowClassLength;
    public char* ThrowMessage; public int ThrowMessageLength;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Dv8Error
{
    public char* Name; public int NameLength;
    public char* Message; public int MessageLength;
    public char* Stack; public int StackLength;
    public char* File; public int FileLength;
    public char* SourceLine; public int SourceLineLength;
    public int Line, Column;
    public int IsErrorObject;
    public int Terminated;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Dv8ModuleSource
{
    public char* Url; public int UrlLength;
    public char* Source; public int SourceLength;
    public int IsJson;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Dv8Host
{
    public delegate* unmanaged<nint, int, Dv8OpFrame*, void> OpCall;
    public delegate* unmanaged<nint, char*, int, char*, int, void*, int> ModuleResolve;
    public delegate* unmanaged<nint, char*, int, char*, int, Dv8ModuleSource*, void*, int> ModuleLoad;
    public delegate* unmanaged<nint, char*, int, void*, void*, void> ImportMeta;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Dv8OpSpec
{
    public char* Name; public int NameLength;
    public void* FastFunction;
    public int FastReturn;
    public int FastArgc;
    public int* FastArgs;
    public void* DirectFunction;
    public int DirectReturn;
    public int DirectArgc;
    public int* DirectArgs;
}

internal static unsafe partial class Dv8
{
    private const string Lib = "dv8";

    [LibraryImport(Lib, EntryPoint = "dv8_initialize", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Initialize(string flags, Dv8Host* host);

    [LibraryImport(Lib, EntryPoint = "dv8_version")]
    internal static partial nint Version();

    [LibraryImport(Lib, EntryPoint = "dv8_file_map", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial byte* FileMap(string path, long* size);

    [LibraryImport(Lib, EntryPoint = "dv8_file_unmap")]
    internal static partial void FileUnmap(byte* data, long size);

    [LibraryImport(Lib, EntryPoint = "dv8_op_table_new")]
    internal static partial nint OpTableNew(Dv8OpSpec* ops, int count);

    [LibraryImport(Lib, EntryPoint = "dv8_realm_new")]
    internal static partial nint RealmNew(nint host, nint opState, nint opTable, byte* snapshot, int snapshotLength, double heapLimit);

    [LibraryImport(Lib, EntryPoint = "dv8_realm_dispose")]
    internal static partial void RealmDispose(nint realm);

    [LibraryImport(Lib, EntryPoint = "dv8_realm_from_snapshot")]
    internal static partial int RealmFromSnapshot(nint realm);

    [LibraryImport(Lib, EntryPoint = "dv8_eval_script")]
    internal static partial int EvalScript(nint realm, char* source, int length, char* name, int nameLength);

    [LibraryImport(Lib, EntryPoint = "dv8_eval_module")]
    internal static partial int EvalModule(nint realm, char* url, int length, int* promiseId);

    [LibraryImport(Lib, EntryPoint = "dv8_promise_status")]
    internal static partial int PromiseStatus(nint realm, int promiseId);

    [LibraryImport(Lib, EntryPoint = "dv8_settle")]
    internal static partial int Settle(nint realm, int promiseId, Dv8Value* value, char* errorClass, int errorClassLength);

    [LibraryImport(Lib, EntryPoint = "dv8_call_hook")]
    internal static partial int CallHook(nint realm, char* name, int nameLength, Dv8Value* args, int argc, int* truthy);

    [LibraryImport(Lib, EntryPoint = "dv8_run_microtasks")]
    internal static partial int RunMicrotasks(nint realm);

    [LibraryImport(Lib, EntryPoint = "dv8_take_unhandled_rejection")]
    internal static partial int TakeUnhandledRejection(nint realm);

    [LibraryImport(Lib, EntryPoint = "dv8_last_error")]
    internal static partial Dv8Error* LastError(nint realm);

    [LibraryImport(Lib, EntryPoint = "dv8_terminate")]
    internal static partial void Terminate(nint realm);

    [LibraryImport(Lib, EntryPoint = "dv8_heap_used")]
    internal static partial double HeapUsed(nint realm);

    // Accessors called inside op calls: no GC transition needed (they neither block nor call back into .NET).
    [LibraryImport(Lib, EntryPoint = "dv8_arg_kind"), SuppressGCTransition]
    internal static partial int ArgKind(Dv8OpFrame* frame, int index);

    // Not SuppressGCTransition: ToNumber may run JS (valueOf), which may call an op back into .NET; a
    // reverse P/Invoke from inside a call without the GC transition aborts the process.
    [LibraryImport(Lib, EntryPoint = "dv8_arg_number")]
    internal static partial double ArgNumber(Dv8OpFrame* frame, int index);

    [LibraryImport(Lib, EntryPoint = "dv8_arg_boolean"), SuppressGCTransition]
    internal static partial int ArgBoolean(Dv8OpFrame* frame, int index);

    [LibraryImport(Lib, EntryPoint = "dv8_arg_string"), SuppressGCTransition]
    internal static partial char* ArgString(Dv8OpFrame* frame, int index, int* length);

    [LibraryImport(Lib, EntryPoint = "dv8_arg_json")]
    internal static partial char* ArgJson(Dv8OpFrame* frame, int index, int* length);

    [LibraryImport(Lib, EntryPoint = "dv8_arg_bytes"), SuppressGCTransition]
    internal static partial byte* ArgBytes(Dv8OpFrame* frame, int index, int* length);

    [LibraryImport(Lib, EntryPoint = "dv8_set_result")]
    internal static partial void SetResult(Dv8OpFrame* frame, Dv8Value* value);

    [LibraryImport(Lib, EntryPoint = "dv8_create_promise")]
    internal static partial int CreatePromise(Dv8OpFrame* frame);

    [LibraryImport(Lib, EntryPoint = "dv8_out_string"), SuppressGCTransition]
    internal static partial void OutString(void* output, char* value, int length);

    [LibraryImport(Lib, EntryPoint = "dv8_snapshot_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SnapshotCreate(nint opTable, char** names, int* nameLengths, char** sources, int* sourceLengths, int count,
        string path, char** error, int* errorLength);
}
