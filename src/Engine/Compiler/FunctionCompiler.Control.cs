using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>
/// Structured control flow: break/continue targets, and protected regions (try/catch, try/finally,
/// for-of iterator closing). finally blocks are compiled inline on every exit path (normal, break,
/// continue, return) and once more on the throw path, so the interpreter needs no completion records;
/// the inlined copies are excluded from their own region's protected ranges.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private sealed class ControlEntry
    {
        public List<string> Labels = new();
        public Label Break = null!;
        public Label? Continue;
        public int EnvCount;
        public int RegionDepth;
        /// <summary>For for-of, continue stays inside the iterator-closing region.</summary>
        public int ContinueRegionDepth;
        public Scope Scope = null!;
        public bool IsIteration;
        public bool IsSwitch;
    }

    private sealed class Region
    {
        public readonly List<(int Start, int End)> Segments = new();
        public int OpenStart = -1;
        public Action? EmitFinally;
        public int EnvCount;
        public Scope Scope = null!;
        public int StackDepth;
    }

    private readonly List<ControlEntry> _controls = new();
    private readonly List<Region> _regions = new();

    private ControlEntry PushControl(List<string>? labels, Label brk, Label? cont, bool iteration, bool isSwitch = false)
    {
        var entry = new ControlEntry
        {
            Labels = labels ?? new List<string>(),
            Break = brk,
            Continue = cont,
            EnvCount = _envCount,
            RegionDepth = _regions.Count,
            ContinueRegionDepth = _regions.Count,
            Scope = _scope,
            IsIteration = iteration,
            IsSwitch = isSwitch,
        };
        _controls.Add(entry);
        return entry;
    }

    private void PopControl() => _controls.RemoveAt(_controls.Count - 1);

    private Region PushRegion(Action? emitFinally)
    {
        var region = new Region { EmitFinally = emitFinally, EnvCount = _envCount, Scope = _scope, StackDepth = _b.Depth, OpenStart = _b.Pc };
        _regions.Add(region);
        return region;
    }

    /// <summary>Closes the region and registers its protected ranges with <paramref name="handler"/>.</summary>
    private void PopRegion(Region region, Label handler)
    {
        _regions.RemoveAt(_regions.Count - 1);
        if (region.OpenStart >= 0) region.Segments.Add((region.OpenStart, _b.Pc));
        region.OpenStart = -1;
        _pendingHandlers.Add((region, handler));
    }

    /// <summary>Handler entries are added once the handler's pc is known (after it is marked).</summary>
    private readonly List<(Region Region, Label Handler)> _pendingHandlers = new();

    private void FlushHandlers(Label handler)
    {
        for (int i = 0; i < _pendingHandlers.Count; i++)
        {
            var (region, label) = _pendingHandlers[i];
            if (!ReferenceEquals(label, handler)) continue;
            foreach (var (start, end) in region.Segments) _b.AddHandler(start, end, handler.Pc, region.StackDepth);
            _pendingHandlers.RemoveAt(i--);
        }
    }

    private bool HasFinallyRegions()
    {
        foreach (var r in _regions)
            if (r.EmitFinally is not null) return true;
        return false;
    }

    /// <summary>
    /// Leaves every region above <paramref name="regionDepth"/> (innermost first): suspends its protected
    /// range, pops environments down to its level and inlines its finally code. Then pops environments to
    /// <paramref name="targetEnvCount"/> (-1: none, for return). Compile-time scope state is restored after,
    /// since code after the jump still belongs to the inner context.
    /// </summary>
    private void EmitExitSequence(int regionDepth, int targetEnvCount)
    {
        var savedScope = _scope;
        int savedEnv = _envCount;
        for (int i = _regions.Count - 1; i >= regionDepth; i--)
        {
            var region = _regions[i];
            if (region.OpenStart >= 0)
            {
                region.Segments.Add((region.OpenStart, _b.Pc));
                region.OpenStart = -1;
            }
            if (region.EmitFinally is null) continue;
            while (_envCount > region.EnvCount) { _b.Emit(OpCode.PopEnv, 0); _envCount--; }
            _scope = region.Scope;
            // The inlined finally belongs to the enclosing context: hide the regions being exited from it.
            var hidden = _regions.GetRange(i, _regions.Count - i);
            _regions.RemoveRange(i, _regions.Count - i);
            region.EmitFinally();
            _regions.AddRange(hidden);
        }
        if (targetEnvCount >= 0)
            while (_envCount > targetEnvCount) { _b.Emit(OpCode.PopEnv, 0); _envCount--; }
        _scope = savedScope;
        _envCount = savedEnv;
    }

    /// <summary>Reopens the ranges suspended by <see cref="EmitExitSequence"/> after the jump.</summary>
    private void ResumeRegions(int regionDepth)
    {
        for (int i = regionDepth; i < _regions.Count; i++)
            if (_regions[i].OpenStart < 0) _regions[i].OpenStart = _b.Pc;
    }

    private void CompileBreak(BreakStatement s)
    {
        ControlEntry? target = null;
        for (int i = _controls.Count - 1; i >= 0; i--)
        {
            var c = _controls[i];
            if (s.Label is null ? c.IsIteration || c.IsSwitch : c.Labels.Contains(s.Label.Name)) { target = c; break; }
        }
        if (target is null) { Throw.SyntaxError("Illegal break statement"); return; }
        EmitExitSequence(target.RegionDepth, target.EnvCount);
        _b.EmitJump(OpCode.Jump, target.Break, 0);
        ResumeRegions(target.RegionDepth);
    }

    private void CompileContinue(ContinueStatement s)
    {
        ControlEntry? target = null;
        for (int i = _controls.Count - 1; i >= 0; i--)
        {
            var c = _controls[i];
            if (c.IsIteration && (s.Label is null || c.Labels.Contains(s.Label.Name))) { target = c; break; }
        }
        if (target is null) { Throw.SyntaxError("Illegal continue statement"); return; }
        EmitExitSequence(target.ContinueRegionDepth, target.EnvCount);
        _b.EmitJump(OpCode.Jump, target.Continue!, 0);
        ResumeRegions(target.ContinueRegionDepth);
    }

    /// <summary>try/catch/finally (§14.15).</summary>
    private void CompileTry(TryStatement t)
    {
        int top = _b.RegisterTop;
        Region? finRegion = null;
        int finEnvReg = -1;
        if (t.Finalizer is not null)
        {
            finEnvReg = _b.AllocRegister();
            _b.Emit(OpCode.SaveEnv, 0, finEnvReg);
            var finalizer = t.Finalizer;
            finRegion = PushRegion(() => CompileFinally(finalizer));
        }
        if (t.Handler is { } h)
        {
            int catchEnvReg = _b.AllocRegister();
            _b.Emit(OpCode.SaveEnv, 0, catchEnvReg);
            var catchRegion = PushRegion(null);
            CompileBlock(t.Block);
            PopRegion(catchRegion, _catchLabel = new Label());
            var handler = _catchLabel;
            var after = new Label();
            _b.EmitJump(OpCode.Jump, after, 0);
            _b.Mark(handler);
            FlushHandlers(handler);
            _b.Depth = catchRegion.StackDepth + 1;
            _b.Emit(OpCode.RestoreEnv, 0, catchEnvReg);
            var scope = ScopeOf(h)!;
            int scopeTop = EnterBlockScope(scope);
            if (h.Param is not null) CompileBindingTarget(h.Param, initialize: true);
            else _b.Emit(OpCode.Pop, -1);
            if (h.Param is null or Identifier)
            {
                EmitHoistedFunctions(h.Body.Body);
                foreach (var s in h.Body.Body) CompileStatement(s);
            }
            else CompileBlock(h.Body); // its own scope (see ScopeAnalyzer)
            ExitBlockScope(scope, scopeTop);
            _b.Mark(after);
        }
        else
        {
            CompileBlock(t.Block);
        }
        if (finRegion is not null)
        {
            var handler = new Label();
            PopRegion(finRegion, handler);
            CompileFinally(t.Finalizer!);
            var end = new Label();
            _b.EmitJump(OpCode.Jump, end, 0);
            _b.Mark(handler);
            FlushHandlers(handler);
            _b.Depth = finRegion.StackDepth + 1;
            int excReg = _b.AllocRegister();
            _b.Emit(OpCode.RestoreEnv, 0, finEnvReg);
            _b.Emit(OpCode.StoreReg, -1, excReg);
            CompileFinally(t.Finalizer!);
            _b.Emit(OpCode.LoadReg, 1, excReg);
            _b.Emit(OpCode.Throw, -1);
            _b.Mark(end);
        }
        _b.ReleaseTo(top);
    }

    private Label _catchLabel = null!;

    /// <summary>
    /// A finally block: its normal completion does not replace the try statement's completion value
    /// (§14.15.3: F is normal → the result is B's), so scripts and eval keep the value from before it; an abrupt
    /// one (break, continue) carries the finally's value or undefined.
    /// </summary>
    private void CompileFinally(BlockStatement finalizer)
    {
        if (_completionRegister < 0)
        {
            CompileBlock(finalizer);
            return;
        }
        int top = _b.RegisterTop;
        int saved = _b.AllocRegister();
        _b.Emit(OpCode.LoadReg, 1, _completionRegister);
        _b.Emit(OpCode.StoreReg, -1, saved);
        // A break or continue out of the finally block completes the try statement with the finally's own value,
        // undefined when it produced none (UpdateEmpty(F, undefined)), not with the try block's.
        _b.Emit(OpCode.Undefined, 1);
        _b.Emit(OpCode.StoreReg, -1, _completionRegister);
        CompileBlock(finalizer);
        _b.Emit(OpCode.LoadReg, 1, saved);
        _b.Emit(OpCode.StoreReg, -1, _completionRegister);
        _b.ReleaseTo(top);
    }
}
