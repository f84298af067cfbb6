using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DualEngine.Abstractions.Modules;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Backends.V8.Native;

/// <summary>
/// The functions V8 calls back into .NET. No exception may leave an [UnmanagedCallersOnly] method
/// (the process would abort, spike pitfall 7): every one catches and turns the failure into a JS error.
/// </summary>
internal static unsafe class HostCallbacks
{
    internal static Dv8Host Table() => new()
    {
        OpCall = &OpCall,
        ModuleResolve = &ModuleResolve,
        ModuleLoad = &ModuleLoad,
        ImportMeta = &ImportMeta,
    };

    [UnmanagedCallersOnly]
    private static void OpCall(nint realmHandle, int opIndex, Dv8OpFrame* frame)
    {
        V8OpCall? call = null;
        Dv8OpFrame* outer = null;
        try
        {
            V8Realm realm = V8Realm.FromHandle(realmHandle);
            call = realm.Call;
            outer = call.Frame;
            call.Frame = frame;
            realm.Ops[opIndex].Invoke(call);
        }
        catch (Exception ex)
        {
            Throw(frame, ex);
        }
        finally
        {
            if (call is not null) call.Frame = outer;
        }
    }

    // The strings must outlive this call: the shim reads them after OpCall returns. They are kept in
    // [ThreadStatic] fields until the next error on this thread, and pinned by the GC's own handles.
    [ThreadStatic] private static GCHandle t_errorClass, t_errorMessage;

    private static void Throw(Dv8OpFrame* frame, Exception ex)
    {
        var error = OpError.From(ex);
        var (cls, message) = (error.ClassName, error.Message);
        if (t_errorClass.IsAllocated) t_errorClass.Free();
        if (t_errorMessage.IsAllocated) t_errorMessage.Free();
        t_errorClass = GCHandle.Alloc(cls, GCHandleType.Pinned);
        t_errorMessage = GCHandle.Alloc(message, GCHandleType.Pinned);
        frame->ThrowClass = (char*)t_errorClass.AddrOfPinnedObject();
        frame->ThrowClassLength = cls.Length;
        frame->ThrowMessage = (char*)t_errorMessage.AddrOfPinnedObject();
        frame->ThrowMessageLength = message.Length;
    }

    private static void Out(void* output, string value)
    {
        fixed (char* chars = value) Dv8.OutString(output, chars, value.Length);
    }

    [UnmanagedCallersOnly]
    private static int ModuleResolve(nint realmHandle, char* spec, int specLength, char* referrer, int referrerLength, void* output)
    {
        try
        {
            V8Realm realm = V8Realm.FromHandle(realmHandle);
            if (realm.ModuleLoader is not { } loader)
            {
                Out(output, "Module loading is not available in this realm");
                return 1;
            }
            string? from = referrerLength == 0 ? null : new string(referrer, 0, referrerLength);
            Out(output, loader.Resolve(new string(spec, 0, specLength), from));
            return 0;
        }
        catch (Exception ex)
        {
            Out(output, ex.Message);
            return 1;
        }
    }

    [UnmanagedCallersOnly]
    private static int ModuleLoad(nint realmHandle, char* url, int urlLength, char* type, int typeLength,
        Dv8ModuleSource* source, void* output)
    {
        try
        {
            V8Realm realm = V8Realm.FromHandle(realmHandle);
            if (realm.ModuleLoader is not { } loader)
            {
                Out(output, "Module loading is not available in this realm");
                return 1;
            }
            ModuleSource loaded = loader.Load(new string(url, 0, urlLength), typeLength == 0 ? null : new string(type, 0, typeLength));
            // url and source go in one pinned string, so a single handle keeps both alive until the shim compiled them.
            string text = loaded.Kind == ModuleKind.Json ? loaded.Source : Modules.ImportAttributes.AsAssertions(loaded.Source);
            string both = loaded.Url + text;
            realm.ReleaseModuleSource();
            realm.PinnedModuleSource = GCHandle.Alloc(both, GCHandleType.Pinned);
            char* chars = (char*)realm.PinnedModuleSource.AddrOfPinnedObject();
            source->Url = chars;
            source->UrlLength = loaded.Url.Length;
            source->Source = chars + loaded.Url.Length;
            source->SourceLength = text.Length;
            source->IsJson = loaded.Kind == ModuleKind.Json ? 1 : 0;
            return 0;
        }
        catch (Exception ex)
        {
            Out(output, ex.Message);
            return 1;
        }
    }

    [UnmanagedCallersOnly]
    private static void ImportMeta(nint realmHandle, char* url, int urlLength, void* filename, void* dirname)
    {
        try
        {
            var uri = new Uri(new string(url, 0, urlLength));
            if (!uri.IsFile) return;
            string path = uri.LocalPath;
            Out(filename, path);
            Out(dirname, Path.GetDirectoryName(path) ?? "");
        }
        catch (Exception)
        {
            // Not a parsable URL: import.meta simply has no filename/dirname, as for remote modules.
        }
    }
}
