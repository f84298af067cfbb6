using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Ext.Resources;

/// <summary>stdin, stdout and stderr as rids 0, 1 and 2. Closing one only removes it from the table: the process's stream stays open.</summary>
internal sealed class StdioResource(string name) : Resource
{
    public override string Name => name;

    protected override void Release() { }
}
