// Entering and leaving the interpreter loop: a native→JS entry (Run) and the search for a catch handler.
namespace DualEngine.Engine.Interpreter;

internal sealed partial class Machine
{
    /// <summary>
    /// Runs <paramref name="entry"/> until it returns (or suspends, for generators and async functions).
    /// Throws <see cref="JsThrowable"/> when a throw escapes the entry frame.
    /// </summary>
    internal JsValue Run(Frame entry, out bool suspended, JsValue? injectThrow = null)
    {
        entry.IsEntry = true;
        int savedDepth = _depth;
        int baseDepth = _engine.CallDepth;
        Frame frame = entry;
        PushFrameOnStack(frame);
        try
        {
            if (injectThrow is { } thrown && !TryHandle(ref frame, thrown))
                throw new JsThrowable(thrown);
            while (true)
            {
                // Catch, leave the catch block, then decide: rethrowing from inside a catch would nest
                // exception dispatch on top of the unwound frames at every level of native re-entry and
                // could exhaust the .NET stack during deep recursion.
                JsThrowable? pending = null;
                bool stackExhausted = false;
                try
                {
                    suspended = Dispatch(Current!);
                    var completion = _completion;
                    _completion = default;
                    return completion;
                }
                catch (JsThrowable ex)
                {
                    pending = ex;
                }
                catch (InsufficientExecutionStackException)
                {
                    stackExhausted = true;
                }
                frame = Current!; // the frame that was executing when the throw escaped Dispatch
                // The depth of that frame: each frame this Run pushed counted one, and every native call under it
                // has ended. A builtin the loop called (BuiltinFunction.CallInto) skips its decrement on a throw.
                _engine.CallDepth = baseDepth + (_depth - (savedDepth + 1));
                var value = stackExhausted
                    ? JsValue.FromObject(frame.Realm.CreateError(ErrorType.RangeError, "Maximum call stack size exceeded"))
                    : pending!.GetValue(frame.Realm);
                if (!TryHandle(ref frame, value)) throw pending ?? new JsThrowable(value);
            }
        }
        finally
        {
            _depth = savedDepth;
            _engine.CallDepth = baseDepth - 1; // the entry frame was counted by whoever pushed it
        }
    }

    /// <summary>
    /// Finds a handler for a throw in <paramref name="frame"/> or its callers up to the entry frame of the
    /// innermost <see cref="Run"/> (<see cref="Frame.IsEntry"/>); on success the frame is positioned at the handler with the value pushed.
    /// </summary>
    private bool TryHandle(ref Frame frame, JsValue value)
    {
        while (true)
        {
            var code = frame.Code;
            int pc = frame.Pc;
            foreach (var h in code.Handlers)
            {
                if (pc >= h.Start && pc < h.End)
                {
                    frame.Sp = code.RegisterCount + h.StackDepth;
                    frame.Regs[frame.Sp++] = value;
                    frame.Pc = h.Handler;
                    // A caught throw resumes normal flow: yield* must not see a stale "throw" resumption.
                    if (frame.Generator is { } gen) gen.LastResume = ResumeKind.Next;
                    return true;
                }
            }
            if (frame.IsEntry) return false; // Run's entry frame: the throw leaves this Run
            _engine.CallDepth--;
            frame = PopFrameFromStack();
        }
    }
}
