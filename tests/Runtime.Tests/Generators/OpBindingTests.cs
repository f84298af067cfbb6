using System.Runtime.InteropServices;
using DualEngine.Abstractions.Ops;

namespace DualEngine.Runtime.Tests.Generators;

/// <summary>Calls generated bindings the way a backend does, through IOpCall.</summary>
public sealed class OpBindingTests
{
    private static OpDescriptor Op(string name) => SampleOps.Descriptors.Single(d => d.Name == name);

    [Fact]
    public void DescriptorsListEveryOpWithItsKind()
    {
        Assert.Equal(13, SampleOps.Descriptors.Count);
        Assert.Equal(OpKind.Sync, Op("op_sample_greet").Kind);
        Assert.Equal(OpKind.Async, Op("op_sample_delay_async").Kind);
        Assert.Null(Op("op_sample_greet").Fast);
    }

    [Fact]
    public void StringArgumentsAndOptionalString()
    {
        var call = RecordingOpCall.Create(OpValue.From("ada"));
        Op("op_sample_greet").Invoke(call);
        Assert.Equal("hi ada", call.Result!.Value.AsString);

        call = RecordingOpCall.Create(OpValue.From("ada"), OpValue.From("dr"));
        Op("op_sample_greet").Invoke(call);
        Assert.Equal("hi dr ada", call.Result!.Value.AsString);
    }

    [Fact]
    public void NonStringForStringParameterIsATypeError()
    {
        var call = RecordingOpCall.Create(OpValue.From(3));
        var error = Assert.Throws<OpError>(() => Op("op_sample_greet").Invoke(call));
        Assert.Equal("TypeError", error.ClassName);
    }

    [Fact]
    public void StateParameterComesFromOpStateAndVoidIsUndefined()
    {
        var call = RecordingOpCall.Create(OpValue.From("hello"), OpValue.From(true));
        var log = new CallLog();
        call.State.Put(log);
        Op("op_sample_log").Invoke(call);
        Assert.Equal(["HELLO"], log.Entries);
        Assert.Equal(OpValueKind.Undefined, call.Result!.Value.Kind);

        var count = RecordingOpCall.Create();
        count.State.Put(log);
        Op("op_sample_state_count").Invoke(count);
        Assert.Equal(1, count.Result!.Value.Number);
    }

    [Fact]
    public void BytesUnsignedAndLongArguments()
    {
        var call = RecordingOpCall.Create(OpValue.From(new byte[] { 1, 2, 3 }), OpValue.From(-1), OpValue.From(10.9));
        Op("op_sample_sum").Invoke(call);
        // -1 as uint is 2^32-1 (ToUint32); 10.9 truncates to 10.
        Assert.Equal(6 + 4294967295.0 + 10, call.Result!.Value.Number);
    }

    [Fact]
    public void EnumsCrossAsNumbers()
    {
        var call = RecordingOpCall.Create(OpValue.From(1));
        Op("op_sample_next_color").Invoke(call);
        Assert.Equal(OpValueKind.Number, call.Result!.Value.Kind);
        Assert.Equal(2, call.Result!.Value.Number);
    }

    [Fact]
    public void JsonElementRoundTrips()
    {
        var call = RecordingOpCall.Create(OpValue.FromJson("""{"a":[1,2]}"""));
        Op("op_sample_echo").Invoke(call);
        Assert.Equal(OpValueKind.Json, call.Result!.Value.Kind);
        Assert.Equal("""{"a":[1,2]}""", (string)call.Result!.Value.Ref!);
    }

    [Fact]
    public void OpErrorPropagatesUnchanged()
    {
        var call = RecordingOpCall.Create(OpValue.From("no such file"));
        var error = Assert.Throws<OpError>(() => Op("op_sample_fail").Invoke(call));
        Assert.Equal("NotFound", error.ClassName);
        Assert.Equal("no such file", error.Message);
    }

    [Fact]
    public async Task AsyncOpCreatesPromiseAndTracksItsTask()
    {
        var call = RecordingOpCall.Create(OpValue.From("done"), OpValue.From(1));
        Op("op_sample_delay_async").Invoke(call);
        var id = Assert.Single(call.Promises);
        var result = await call.Tracked[id];
        Assert.Equal("done!", result.AsString);
    }

    [Fact]
    public async Task AsyncOpThatThrowsSynchronouslyStillRejectsThroughItsTask()
    {
        var call = RecordingOpCall.Create(OpValue.From("closed"));
        Op("op_sample_fail_sync_async").Invoke(call);
        var id = Assert.Single(call.Promises);
        var error = await Assert.ThrowsAsync<OpError>(() => call.Tracked[id]);
        Assert.Equal("BadResource", error.ClassName);
    }

    [Fact]
    public async Task ValueTaskOfBytesBecomesBytes()
    {
        var call = RecordingOpCall.Create(OpValue.From(4));
        Op("op_sample_bytes_async").Invoke(call);
        var result = await call.Tracked[call.Promises[0]];
        Assert.Equal(OpValueKind.Bytes, result.Kind);
        Assert.Equal(4, result.AsBytes.Length);
    }

    [Fact]
    public void AsyncOpWithoutEventLoopFailsClearly()
    {
        var call = new RecordingOpCall(new OpState(), OpValue.From("x"), OpValue.From(1));
        var error = Assert.Throws<InvalidOperationException>(() => Op("op_sample_delay_async").Invoke(call));
        Assert.Contains("op_sample_delay_async needs an event loop", error.Message);
        Assert.Empty(call.Promises);
    }

    [Fact]
    public unsafe void FastEntryIsCallableAsUnmanagedFunctionAndCounts()
    {
        var fast = Op("op_sample_add").Fast!;
        Assert.Equal(FastType.Int32, fast.ReturnType);
        Assert.Equal([FastType.Int32, FastType.Int32], fast.ArgumentTypes);
        var before = fast.CallCount();
        var add = (delegate* unmanaged[Cdecl]<nint, int, int, int>)fast.Function;
        Assert.Equal(5, add(0, 2, 3));
        Assert.Equal(before + 1, fast.CallCount());

        var and = Op("op_sample_and").Fast!;
        Assert.Equal(FastType.Bool, and.ReturnType);
        var andFn = (delegate* unmanaged[Cdecl]<nint, byte, byte, byte>)and.Function;
        Assert.Equal(1, andFn(0, 1, 1));
        Assert.Equal(0, andFn(0, 1, 0));
    }

    [Fact]
    public unsafe void TypedEntryTakesConvertedSlotsAndStoresTheResultInSlotZero()
    {
        var direct = Op("op_sample_add").Direct!;
        Assert.Equal(FastType.Int32, direct.ReturnType);
        Assert.Equal([FastType.Int32, FastType.Int32], direct.ArgumentTypes);
        var entry = (delegate* unmanaged[Cdecl]<nint, ulong*, int>)direct.Function;
        var slots = stackalloc ulong[DirectOpCall.Slots];
        slots[0] = unchecked((uint)-7);
        slots[1] = 3;
        Assert.Equal(0, entry(0, slots));
        Assert.Equal(-4, *(int*)slots);

        var and = Op("op_sample_and").Direct!;
        slots[0] = 1;
        slots[1] = 1;
        Assert.Equal(0, ((delegate* unmanaged[Cdecl]<nint, ulong*, int>)and.Function)(0, slots));
        Assert.Equal(1UL, slots[0] & 0xff);

        // An enum crosses as ToInt32 in and as a Float64 number out, as Invoke's OpValue does.
        var color = Op("op_sample_next_color").Direct!;
        Assert.Equal(FastType.Float64, color.ReturnType);
        slots[0] = 1;
        Assert.Equal(0, ((delegate* unmanaged[Cdecl]<nint, ulong*, int>)color.Function)(0, slots));
        Assert.Equal(2.0, *(double*)slots);

        // Ops with strings, bytes, JSON, IOpCall or async results keep Invoke only.
        Assert.Null(Op("op_sample_greet").Direct);
        Assert.Null(Op("op_sample_sum").Direct);
        Assert.Null(Op("op_sample_echo").Direct);
        Assert.Null(Op("op_sample_delay_async").Direct);
    }

    [Fact]
    public unsafe void TypedEntryReadsStateThroughItsHandle()
    {
        var state = new OpState();
        var log = new CallLog();
        log.Entries.Add("x");
        state.Put(log);
        var handle = GCHandle.Alloc(state);
        try
        {
            var entry = (delegate* unmanaged[Cdecl]<nint, ulong*, int>)Op("op_sample_state_count").Direct!.Function;
            var slots = stackalloc ulong[DirectOpCall.Slots];
            Assert.Equal(0, entry(GCHandle.ToIntPtr(handle), slots));
            Assert.Equal(1, *(int*)slots);
        }
        finally
        {
            handle.Free();
        }
    }

    [Fact]
    public unsafe void TypedEntryReportsExceptionsAsTheJsErrorTheyBecome()
    {
        var entry = (delegate* unmanaged[Cdecl]<nint, ulong*, int>)Op("op_sample_fail_code").Direct!.Function;
        var slots = stackalloc ulong[DirectOpCall.Slots];
        string Text(int slot) => new((char*)slots[slot], 0, (int)slots[slot + 1]);

        slots[0] = 0;
        Assert.Equal(1, entry(0, slots));
        Assert.Equal(("NotFound", "code 0"), (Text(0), Text(2)));

        // Other exceptions map like OpError.From (async rejections and IOpCall use the same mapping).
        slots[0] = 5;
        Assert.Equal(1, entry(0, slots));
        Assert.Equal(("Error", "io 5"), (Text(0), Text(2)));
    }

    [Fact]
    public void FastOpSlowPathAgreesWithFastPath()
    {
        var call = RecordingOpCall.Create(OpValue.From(2), OpValue.From(3));
        Op("op_sample_add").Invoke(call);
        Assert.Equal(5, call.Result!.Value.Number);
    }
}
