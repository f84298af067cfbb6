namespace DualEngine.Runtime.Resources;

/// <summary>
/// Something JS holds by rid: a file, socket, listener, child process (deno_core's Resource).
/// Most resources derive from <see cref="Resource"/>, which provides the cancellation that
/// <see cref="Close"/> must perform.
/// </summary>
public interface IResource
{
    /// <summary>The name <c>Deno.resources()</c> shows, e.g. "fsFile", "tcpStream", "stdin".</summary>
    string Name { get; }

    /// <summary>Cancels the resource's pending work and releases it. Called once, by the resource table.</summary>
    void Close();
}
