using DualEngine.Backends.V8.Native;

namespace DualEngine.Backends.V8;

/// <summary>A startup snapshot file mapped read-only by the shim (dv8_file_map); the V8 blob follows the fingerprint.</summary>
internal sealed unsafe class MappedSnapshot(byte* data, long size, int fingerprintLength) : IDisposable
{
    private byte* _data = data;

    public byte* Blob => _data + fingerprintLength;

    public int BlobLength => (int)(size - fingerprintLength);

    public void Dispose()
    {
        if (_data == null) return;
        Dv8.FileUnmap(_data, size);
        _data = null;
    }
}
