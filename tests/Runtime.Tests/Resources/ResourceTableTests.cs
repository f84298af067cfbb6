using DualEngine.Abstractions.Ops;
using DualEngine.Runtime.Resources;

namespace DualEngine.Runtime.Tests.Resources;

public sealed class ResourceTableTests
{
    /// <summary>A resource whose one async op waits until it is given a value or cancelled.</summary>
    private sealed class PendingResource(string name = "testPending") : Resource
    {
        public override string Name { get; } = name;
        public int ReleaseCount { get; private set; }
        public TaskCompletionSource<int> Data { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> ReadAsync() => RunAsync(token => Data.Task.WaitAsync(token));

        protected override void Release() => ReleaseCount++;
    }

    private sealed class OtherResource : Resource
    {
        public override string Name => "other";
        protected override void Release() { }
    }

    [Fact]
    public void RidsStartAfterStdioAndAreNeverReused()
    {
        var table = new ResourceTable();
        var first = table.Add(new PendingResource());
        var second = table.Add(new PendingResource());
        Assert.Equal((3, 4), (first, second));
        table.Close(first);
        Assert.Equal(5, table.Add(new PendingResource()));
    }

    [Fact]
    public void GetReturnsTheResourceOrThrowsBadResource()
    {
        var table = new ResourceTable();
        var resource = new PendingResource();
        var rid = table.Add(resource);
        Assert.Same(resource, table.Get<PendingResource>(rid));
        Assert.Same(resource, table.Get<IResource>(rid));

        var missing = Assert.Throws<OpError>(() => table.Get<PendingResource>(99));
        Assert.Equal(("BadResource", "Bad resource ID"), (missing.ClassName, missing.Message));
        // A rid of another kind is as bad as a missing one (Deno: reading from a listener's rid).
        Assert.Equal("BadResource", Assert.Throws<OpError>(() => table.Get<OtherResource>(rid)).ClassName);
        Assert.Equal("BadResource", Assert.Throws<OpError>(() => table.Get<PendingResource>(ResourceTable.Stdin)).ClassName);
    }

    [Fact]
    public void CloseReleasesAndForgetsTheResource()
    {
        var table = new ResourceTable();
        var resource = new PendingResource();
        var rid = table.Add(resource);
        table.Close(rid);
        Assert.Equal(1, resource.ReleaseCount);
        Assert.True(resource.IsClosed);
        Assert.Equal("BadResource", Assert.Throws<OpError>(() => table.Get<PendingResource>(rid)).ClassName);
        Assert.Equal("BadResource", Assert.Throws<OpError>(() => table.Close(rid)).ClassName);
        Assert.Equal(1, resource.ReleaseCount);
    }

    [Fact]
    public async Task CloseInterruptsPendingAsyncWork()
    {
        var table = new ResourceTable();
        var resource = new PendingResource();
        var rid = table.Add(resource);
        var pending = resource.ReadAsync();
        Assert.False(pending.IsCompleted);

        table.Close(rid);
        var error = await Assert.ThrowsAsync<OpError>(() => pending);
        Assert.Equal(("Interrupted", "operation canceled"), (error.ClassName, error.Message));

        // Work started after close fails the same way instead of touching a released resource.
        var late = await Assert.ThrowsAsync<OpError>(resource.ReadAsync);
        Assert.Equal("Interrupted", late.ClassName);
    }

    [Fact]
    public async Task WorkThatCompletesIsNotAffected()
    {
        var resource = new PendingResource();
        var pending = resource.ReadAsync();
        resource.Data.SetResult(42);
        Assert.Equal(42, await pending);
    }

    [Fact]
    public void StdioLivesAtReservedRidsAndNamesListEverything()
    {
        var table = new ResourceTable();
        table.AddStdio(ResourceTable.Stdin, new PendingResource("stdin"));
        table.AddStdio(ResourceTable.Stdout, new PendingResource("stdout"));
        table.AddStdio(ResourceTable.Stderr, new PendingResource("stderr"));
        var file = table.Add(new PendingResource("fsFile"));
        Assert.Equal(
            [new(0, "stdin"), new(1, "stdout"), new(2, "stderr"), new(file, "fsFile")],
            table.Names());
        Assert.Throws<ArgumentOutOfRangeException>(() => table.AddStdio(3, new PendingResource()));
        Assert.Throws<InvalidOperationException>(() => table.AddStdio(0, new PendingResource()));
    }

    [Fact]
    public void TakeRemovesWithoutClosing()
    {
        var table = new ResourceTable();
        var resource = new PendingResource();
        var rid = table.Add(resource);
        Assert.Same(resource, table.Take<PendingResource>(rid));
        Assert.False(resource.IsClosed);
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public async Task DisposeClosesEverything()
    {
        var table = new ResourceTable();
        var a = new PendingResource();
        var b = new PendingResource();
        table.Add(a);
        table.Add(b);
        var pending = b.ReadAsync();
        table.Dispose();
        Assert.True(a.IsClosed && b.IsClosed);
        Assert.Equal(0, table.Count);
        Assert.Equal("Interrupted", (await Assert.ThrowsAsync<OpError>(() => pending)).ClassName);
    }
}
