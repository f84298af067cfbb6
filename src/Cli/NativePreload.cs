using System.Runtime.InteropServices;

namespace DualEngine.Cli;

/// <summary>The NativeAOT build's V8 preload (native/preload.cc, linked into the executable).</summary>
internal static class NativePreload
{
#if DUALRT_NATIVE_PRELOAD
    /// <summary>Whether the preload thread was started before Main.</summary>
    public static bool Started
    {
        get
        {
            // The same assembly also runs on the JIT during the build (it makes the build's own snapshot), where
            // the symbol is not linked in.
            try
            {
                return dualrt_native_preload_started() != 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }
    }

    // Bound at link time (DirectPInvoke in Cli.csproj): no library is looked up at run time. Blittable, so a
    // plain DllImport (LibraryImport would need unsafe code in this project).
    [DllImport("dualrt_preload")]
    private static extern int dualrt_native_preload_started();
#else
    public static bool Started => false;
#endif
}
