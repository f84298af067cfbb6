using DualEngine.Syntax.Ast;

namespace DualEngine.Engine.Compiler;

/// <summary>A jump target; forward references are patched when it is marked.</summary>
internal sealed class Label
{
    public int Pc = -1;
    public readonly List<int> Patches = new();
}

/// <summary>
/// Accumulates one function's bytecode and tables. Tracks the operand-stack depth as code is emitted
/// (each emit states its stack effect) so frames can be sized exactly, and hands out registers in
/// stack order (scopes and temporaries nest).
/// </summary>
internal sealed class BytecodeBuilder
{
    private readonly List<int> _code = new(64);
    private readonly List<JsValue> _constants = new();
    private readonly Dictionary<object, int> _constantIndex = new();
    private readonly List<PropertyKey> _names = new();
    private readonly Dictionary<PropertyKey, int> _nameIndex = new();
    private readonly List<FunctionCode> _functions = new();
    private readonly List<HandlerEntry> _handlers = new();
    private readonly List<LineEntry> _lines = new();
    private int _caches;
    private int _depth, _maxDepth;
    private int _registers, _maxRegisters;
    private int _lastLine = -1, _lastColumn = -1;
    // Jump operands still waiting for their label, and the furthest label: Finish checks both, because the
    // interpreter reads the code stream without bounds checks (Machine.At).
    private int _unpatched, _lastLabel;

    /// <summary>The next instruction's position. Whoever asks may record it, so no fusion reaches back past it.</summary>
    public int Pc
    {
        get
        {
            _fusible = -1;
            return _code.Count;
        }
    }

    // Peephole fusion (FuseWithPrevious): the start, opcode and stack effect of the last instruction while
    // it may still be merged with the next one; -1 after a label or a position was handed out.
    private int _fusible = -1;
    private OpCode _fusibleOp;
    private int _fusibleDelta;
    // The instruction before it, while both may still be merged with the next one (three-way fusion: two
    // register or small-integer operands and the operation that consumes them); -1 when there is none.
    private int _prevFusible = -1;
    private OpCode _prevFusibleOp;
    private int _prevFusibleDelta;
    public int Depth { get => _depth; set => _depth = value; }
    public int RegisterTop => _registers;

    // ---- emission ----

    private void Adjust(int delta)
    {
        _depth += delta;
        if (_depth > _maxDepth) _maxDepth = _depth;
        if (_depth < 0) throw new InvalidOperationException("operand stack underflow in compiler");
    }

    public void Emit(OpCode op, int delta)
    {
        if (FuseWithPrevious(op, delta, 0, 0)) return;
        Begin(op, delta);
        _code.Add((int)op);
        Adjust(delta);
    }

    public void Emit(OpCode op, int delta, int a)
    {
        if (FuseWithPrevious(op, delta, a, 0)) return;
        Begin(op, delta);
        _code.Add((int)op);
        _code.Add(a);
        Adjust(delta);
    }

    public void Emit(OpCode op, int delta, int a, int b)
    {
        if (FuseWithPrevious(op, delta, a, b)) return;
        Begin(op, delta);
        _code.Add((int)op);
        _code.Add(a);
        _code.Add(b);
        Adjust(delta);
    }

    public void Emit(OpCode op, int delta, int a, int b, int c)
    {
        Begin(op, delta);
        _code.Add((int)op);
        _code.Add(a);
        _code.Add(b);
        _code.Add(c);
        Adjust(delta);
    }

    private void Begin(OpCode op, int delta)
    {
        Listing?.Add(_code.Count);
        if (_fusible >= 0)
        {
            _prevFusible = _fusible;
            _prevFusibleOp = _fusibleOp;
            _prevFusibleDelta = _fusibleDelta;
        }
        else _prevFusible = -1;
        _fusible = _code.Count;
        _fusibleOp = op;
        _fusibleDelta = delta;
    }

    /// <summary>
    /// Merges common instruction pairs into one instruction (fewer dispatches in hot code): a small integer
    /// operand into Add/Sub, a register or `this` receiver into GetNamed, a register receiver into GetMethod,
    /// a register or small-integer key into GetElem, a register or `this` into Return, a register into Inc/Dec, a global
    /// callee with its undefined receiver, and a discarded SetNamed result. Only when nothing can jump between the two (no label marked, no position
    /// handed out since the first was emitted).
    /// </summary>
    private bool FuseWithPrevious(OpCode op, int delta, int a, int b)
    {
        if (_fusible < 0) return false;
        if (op == OpCode.Call && a == 1 && _fusibleOp == OpCode.LoadReg && _prevFusible >= 0
            && _prevFusibleOp == OpCode.GetMethodReg && _fusible == _prevFusible + 4)
        {
            // `o.m(x)` with o and x in registers: method lookup, argument and call in one instruction.
            int receiver = _code[_prevFusible + 1], name = _code[_prevFusible + 2], cache = _code[_prevFusible + 3];
            int argument = _code[_fusible + 1];
            ReplaceLastTwo(OpCode.CallMethodReg1, 3 + delta, receiver, name, cache, argument, a, b);
            return true;
        }
        if (op == OpCode.Call && a == 1 && _fusibleOp is OpCode.Const or OpCode.Int && _prevFusible >= 0
            && _prevFusibleOp == OpCode.GetMethodReg && _fusible == _prevFusible + 4)
        {
            // `s.indexOf('a')`, `s.charCodeAt(0)`: the same with a literal argument, as ~(its constant index). A literal
            // has no side effect, so looking the method up after "evaluating" it is not observable.
            int receiver = _code[_prevFusible + 1], name = _code[_prevFusible + 2], cache = _code[_prevFusible + 3];
            int constant = _fusibleOp == OpCode.Const ? _code[_fusible + 1] : Constant(JsValue.FromNumber(_code[_fusible + 1]));
            ReplaceLastTwo(OpCode.CallMethodReg1, 3 + delta, receiver, name, cache, ~constant, a, b);
            return true;
        }
        if (op == OpCode.Call && a == 1 && _fusibleOp == OpCode.LoadReg && _prevFusible >= 0
            && _prevFusibleOp == OpCode.LoadGlobalCallee && _fusible == _prevFusible + 3)
        {
            // `f(x)` with f a global and x in a register: callee, undefined receiver, argument and call in one.
            int name = _code[_prevFusible + 1], cache = _code[_prevFusible + 2];
            int argument = _code[_fusible + 1];
            ReplaceLastTwo(OpCode.CallGlobalReg1, 3 + delta, name, cache, argument, a, b);
            return true;
        }
        if (op == OpCode.Mod && LastTwoAreOperands(out int dividend, out int divisor, out bool modByInt) && modByInt)
        {
            // `i % n` with a literal n: one instruction.
            ReplaceLastTwo(OpCode.ModRegInt, 1, dividend, divisor);
            return true;
        }
        if (op is OpCode.Add or OpCode.Sub or OpCode.Mul && LastTwoAreOperands(out int x, out int y, out bool isInt)
            && !(isInt && op == OpCode.Mul))
        {
            // `a + b`, `i - 1` on register operands: one instruction that reads them where they are.
            var fused = (op, isInt) switch
            {
                (OpCode.Add, false) => OpCode.AddRegs,
                (OpCode.Sub, false) => OpCode.SubRegs,
                (OpCode.Mul, false) => OpCode.MulRegs,
                (OpCode.Add, true) => OpCode.AddRegInt,
                _ => OpCode.SubRegInt,
            };
            ReplaceLastTwo(fused, 1, x, y);
            return true;
        }
        switch (_fusibleOp, op)
        {
            case (OpCode.SetNamed, OpCode.Pop):
                _code[_fusible] = (int)OpCode.SetNamedPop;
                _fusibleOp = OpCode.SetNamedPop;
                Adjust(delta);
                _fusible = -1;
                return true;
            case (OpCode.Int, OpCode.Add or OpCode.Sub or OpCode.Mul):
            {
                int k = _code[_fusible + 1];
                Replace(op switch { OpCode.Add => OpCode.AddInt, OpCode.Sub => OpCode.SubInt, _ => OpCode.MulInt }, delta, k);
                return true;
            }
            case (OpCode.LoadReg, OpCode.GetNamed):
            {
                int r = _code[_fusible + 1];
                Replace(OpCode.GetNamedReg, delta, r, a, b);
                return true;
            }
            case (OpCode.LoadRegInc or OpCode.LoadRegDec, OpCode.StoreReg) when _code[_fusible + 1] == a:
                // x++ / x-- as a statement on a register variable: one instruction.
                Replace(_fusibleOp == OpCode.LoadRegInc ? OpCode.IncReg : OpCode.DecReg, delta, a);
                return true;
            case (OpCode.LoadThisValue, OpCode.GetNamed) when _prevFusible >= 0 && _prevFusibleOp == OpCode.LoadThisValue && _fusible == _prevFusible + 1:
            {
                // `this.x op= v`: the receiver kept for the store and the read of this.x, in one instruction.
                ReplaceLastTwo(OpCode.LoadThisGetThisNamed, 2 + delta, a, b);
                return true;
            }
            case (OpCode.LoadThisValue, OpCode.GetNamed):
                Replace(OpCode.GetThisNamed, delta, a, b);
                return true;
            case (OpCode.LoadThisValue, OpCode.Dup):
                // `this` cannot change within a frame that reads it with LoadThisValue: loading it again is a
                // Dup that can still fuse with a following GetNamed (this.p op= v).
                Begin(OpCode.LoadThisValue, delta);
                _code.Add((int)OpCode.LoadThisValue);
                Adjust(delta);
                return true;
            case (OpCode.LoadReg, OpCode.Inc or OpCode.Dec):
            {
                int r = _code[_fusible + 1];
                // Stays fusible: a following StoreReg r makes it IncReg/DecReg.
                Replace(op == OpCode.Inc ? OpCode.LoadRegInc : OpCode.LoadRegDec, delta, r);
                return true;
            }
            case (OpCode.LoadGlobal, OpCode.Undefined):
                // A call of a global function: the callee and an undefined receiver in one instruction.
                Replace(OpCode.LoadGlobalCallee, delta, _code[_fusible + 1], _code[_fusible + 2]);
                return true;
            case (OpCode.LoadReg, OpCode.Return):
            {
                int r = _code[_fusible + 1];
                Replace(OpCode.ReturnReg, delta, r);
                return true;
            }
            case (OpCode.LoadReg, OpCode.GetMethod):
            {
                int r = _code[_fusible + 1];
                Replace(OpCode.GetMethodReg, delta, r, a, b);
                return true;
            }
            case (OpCode.LoadReg, OpCode.GetElem) when _prevFusible >= 0 && _prevFusibleOp == OpCode.LoadReg && _fusible == _prevFusible + 2:
            {
                // `a[i]` with a and i in registers.
                ReplaceLastTwo(OpCode.GetElemRegs, 1, _code[_prevFusible + 1], _code[_fusible + 1]);
                return true;
            }
            case (OpCode.LoadReg, OpCode.GetElem):
            {
                int r = _code[_fusible + 1];
                Replace(OpCode.GetElemReg, delta, r);
                return true;
            }
            case (OpCode.Int, OpCode.GetElem):
            {
                int k = _code[_fusible + 1];
                Replace(OpCode.GetElemInt, delta, k);
                return true;
            }
            case (OpCode.LoadThisValue, OpCode.Return):
                Replace(OpCode.ReturnThis, delta);
                return true;
            case (OpCode.Add, OpCode.AddToReg):
                // `s += a + b`: a string keeps growing by both parts, with no string made for a + b.
                Replace(OpCode.AddSumToReg, delta, a);
                return true;
            case (OpCode.Add, OpCode.Return):
                // `return a + b`.
                Replace(OpCode.AddReturn, delta);
                return true;
            case (OpCode.Dup, OpCode.StoreReg):
                // An assignment whose value is used (`(x = v) !== -1`): store and keep the value.
                Replace(OpCode.StoreRegKeep, delta, a);
                return true;
            case (OpCode.GetNamedReg, OpCode.Add or OpCode.Sub or OpCode.Mul):
                // `a + o.x`: the property read and the operation in one instruction.
                Replace(op switch { OpCode.Add => OpCode.AddNamedReg, OpCode.Sub => OpCode.SubNamedReg, _ => OpCode.MulNamedReg },
                    delta, _code[_fusible + 1], _code[_fusible + 2], _code[_fusible + 3]);
                return true;
            case (OpCode.GetMethodReg, OpCode.Call) when a == 0:
                // `o.m()` with o in a register.
                Replace(OpCode.CallMethodReg0, delta, _code[_fusible + 1], _code[_fusible + 2], _code[_fusible + 3], a, b);
                return true;
        }
        return false;
    }

    /// <summary>
    /// Replaces the fusible last instruction and the one being emitted by <paramref name="fused"/>, which
    /// becomes the fusible last instruction (only LoadRegInc/LoadRegDec fuse further).
    /// </summary>
    private void Replace(OpCode fused, int delta, params ReadOnlySpan<int> operands)
    {
        int combinedDelta = _fusibleDelta + delta;
        RemoveFrom(_fusible, _fusibleDelta);
        int before = _prevFusible, beforeDelta = _prevFusibleDelta;
        var beforeOp = _prevFusibleOp;
        Begin(fused, combinedDelta);
        _prevFusible = before; // the fused instruction follows whatever preceded the pair
        _prevFusibleOp = beforeOp;
        _prevFusibleDelta = beforeDelta;
        _code.Add((int)fused);
        foreach (int x in operands) _code.Add(x);
        Adjust(combinedDelta);
    }

    /// <summary>
    /// True when the last two instructions are `LoadReg a` and `LoadReg b` (<paramref name="secondIsInt"/> false)
    /// or `LoadReg a` and `Int k` (true), adjacent and with nothing that can jump between them.
    /// </summary>
    private bool LastTwoAreOperands(out int a, out int b, out bool secondIsInt)
    {
        a = b = 0;
        secondIsInt = _fusibleOp == OpCode.Int;
        if (_fusible < 0 || _prevFusible < 0 || _prevFusibleOp != OpCode.LoadReg || _fusible != _prevFusible + 2) return false;
        if (_fusibleOp is not (OpCode.LoadReg or OpCode.Int)) return false;
        a = _code[_prevFusible + 1];
        b = _code[_fusible + 1];
        return true;
    }

    /// <summary>
    /// Removes the last two instructions (their stack effects undone); a source position recorded after their
    /// start moves to it. Returns that start.
    /// </summary>
    private int RemoveLastTwo()
    {
        int start = _prevFusible;
        RemoveFrom(start, _prevFusibleDelta + _fusibleDelta);
        _fusible = _prevFusible = -1;
        return start;
    }

    /// <summary>
    /// Removes the code from <paramref name="start"/> on, undoing its stack effect <paramref name="delta"/>; a
    /// source position recorded inside it now belongs to the instruction that replaces it there.
    /// </summary>
    private void RemoveFrom(int start, int delta)
    {
        _code.RemoveRange(start, _code.Count - start);
        Listing?.RemoveAll(x => x >= start);
        for (int i = _lines.Count - 1; i >= 0 && _lines[i].Pc > start; i--) _lines[i] = _lines[i] with { Pc = start };
        _depth -= delta;
    }

    /// <summary>
    /// Replaces the last two instructions and the one being emitted by <paramref name="fused"/>, whose stack
    /// effect is <paramref name="delta"/> (the three instructions' together).
    /// </summary>
    private void ReplaceLastTwo(OpCode fused, int delta, params ReadOnlySpan<int> operands)
    {
        RemoveLastTwo();
        Begin(fused, delta);
        _code.Add((int)fused);
        foreach (int x in operands) _code.Add(x);
        Adjust(delta);
    }

    /// <summary>Emits a jump-like op whose first operand is <paramref name="target"/>, plus extra operands.</summary>
    public void EmitJump(OpCode op, Label target, int delta, int extra = int.MinValue)
    {
        if (op is >= OpCode.JumpIfLt and <= OpCode.JumpIfStrictNe && LastTwoAreOperands(out int a, out int b, out bool isInt))
        {
            // `i < n`, `i < 100` deciding a jump: one instruction reading the operands where they are.
            int start = RemoveLastTwo();
            Listing?.Add(start);
            _code.Add((int)(isInt ? OpCode.JumpCmpRegInt : OpCode.JumpCmpRegs));
            _code.Add((int)op);
            _code.Add(a);
            _code.Add(b);
            AddTarget(target);
            return;
        }
        if (op is >= OpCode.JumpIfLt and <= OpCode.JumpIfStrictNe && _fusibleOp == OpCode.GetNamedReg && _prevFusible >= 0
            && _prevFusibleOp == OpCode.LoadReg && _fusible == _prevFusible + 2)
        {
            // `i < a.length` deciding a jump (the usual loop over an array): one instruction.
            int left = _code[_prevFusible + 1];
            int receiver = _code[_fusible + 1], name = _code[_fusible + 2], cache = _code[_fusible + 3];
            int start = RemoveLastTwo();
            Listing?.Add(start);
            _code.Add((int)OpCode.JumpCmpRegNamed);
            _code.Add((int)op);
            _code.Add(left);
            _code.Add(receiver);
            _code.Add(name);
            _code.Add(cache);
            AddTarget(target);
            return;
        }
        if (op is >= OpCode.JumpIfLt and <= OpCode.JumpIfStrictNe && _fusible >= 0 && _fusibleOp == OpCode.Int)
        {
            // `x === 0`, `i !== -1` on a computed x: the constant is an operand of the compare-and-jump.
            int k = _code[_fusible + 1];
            int start = _fusible;
            RemoveFrom(start, _fusibleDelta);
            _fusible = _prevFusible = -1;
            Listing?.Add(start);
            _code.Add((int)OpCode.JumpCmpInt);
            _code.Add((int)op);
            _code.Add(k);
            AddTarget(target);
            Adjust(-1);
            return;
        }
        Listing?.Add(_code.Count);
        _fusible = _prevFusible = -1;
        _code.Add((int)op);
        if (target.Pc >= 0) _code.Add(target.Pc);
        else
        {
            target.Patches.Add(_code.Count);
            _unpatched++;
            _code.Add(-1);
        }
        if (extra != int.MinValue) _code.Add(extra);
        Adjust(delta);
    }

    /// <summary>A jump op with a register operand before the target (IteratorNext r t, ForInNext r t).</summary>
    public void EmitRegJump(OpCode op, int register, Label target, int delta, Label? second = null)
    {
        Listing?.Add(_code.Count);
        _fusible = -1;
        _code.Add((int)op);
        _code.Add(register);
        AddTarget(target);
        if (second is not null) AddTarget(second);
        Adjust(delta);
    }

    private void AddTarget(Label target)
    {
        if (target.Pc >= 0) _code.Add(target.Pc);
        else
        {
            target.Patches.Add(_code.Count);
            _unpatched++;
            _code.Add(-1);
        }
    }

    public void Mark(Label label)
    {
        _fusible = -1;
        label.Pc = _code.Count;
        _lastLabel = Math.Max(_lastLabel, label.Pc);
        foreach (var p in label.Patches) _code[p] = label.Pc;
        _unpatched -= label.Patches.Count;
        label.Patches.Clear();
    }

    // ---- tables ----

    public int Constant(JsValue value)
    {
        object key = value.IsString ? "s:" + value.AsString() : value.IsNumber ? (object)value.AsNumber() : new object();
        if (value.IsNumber && value.AsNumber() == 0 && double.IsNegative(value.AsNumber())) key = "-0";
        if (_constantIndex.TryGetValue(key, out var i)) return i;
        _constants.Add(value);
        _constantIndex[key] = _constants.Count - 1;
        return _constants.Count - 1;
    }

    public int Name(in PropertyKey key)
    {
        if (_nameIndex.TryGetValue(key, out var i)) return i;
        _names.Add(key);
        _nameIndex[key] = _names.Count - 1;
        return _names.Count - 1;
    }

    public int NewCache() => _caches++;

    public int AddFunction(FunctionCode code)
    {
        _functions.Add(code);
        return _functions.Count - 1;
    }

    public void AddHandler(int start, int end, int handler, int depth)
    {
        if (end > start) _handlers.Add(new HandlerEntry(start, end, handler, depth));
    }

    public void Position(Node node)
    {
        if (node.Line == _lastLine && node.Column == _lastColumn) return;
        _lastLine = node.Line;
        _lastColumn = node.Column;
        _lines.Add(new LineEntry(_code.Count, node.Line, node.Column));
    }

    // ---- registers ----

    public int AllocRegister()
    {
        int r = _registers++;
        if (_registers > _maxRegisters) _maxRegisters = _registers;
        return r;
    }

    /// <summary>Releases registers down to <paramref name="top"/> (registers are freed in stack order).</summary>
    public void ReleaseTo(int top) => _registers = top;

    /// <summary>Direct eval call sites of this function (CallEval's site operand).</summary>
    public readonly List<EvalSite> EvalSites = new();

    public void Finish(FunctionCode target)
    {
        // A compiler bug, never user input: fail the compilation rather than let the loop read past the code.
        if (_unpatched != 0) throw new InvalidOperationException($"{_unpatched} jump(s) to a label that was never marked");
        if (_lastLabel >= _code.Count) throw new InvalidOperationException("a jump target lies past the end of the code");
        foreach (var h in _handlers)
            if ((uint)h.Handler >= (uint)_code.Count) throw new InvalidOperationException("an exception handler lies outside the code");
        target.Code = _code.ToArray();
        target.Constants = _constants.ToArray();
        target.Names = _names.ToArray();
        target.Functions = _functions.ToArray();
        target.Caches = new PropertyCache[_caches];
        for (int i = 0; i < _caches; i++) target.Caches[i] = new PropertyCache();
        target.Handlers = _handlers.ToArray();
        target.Lines = _lines.ToArray();
        target.EvalSites = EvalSites.ToArray();
        target.RegisterCount = _maxRegisters;
        target.MaxStack = _maxDepth + 2;
        if (Listing is not null) PrintListing(target);
    }

    // ---- listing (DUALENGINE_PRINT_BYTECODE=1: every compiled function's code on stderr, for engine work) ----

    // Where each instruction starts: the code stream has no operand-count table, so the builder remembers.
    private static readonly bool PrintBytecode = Environment.GetEnvironmentVariable("DUALENGINE_PRINT_BYTECODE") == "1";
    private readonly List<int>? Listing = PrintBytecode ? new() : null;

    private void PrintListing(FunctionCode target)
    {
        var text = new System.Text.StringBuilder($"== {target.Name} ({target.FileName}): {_maxRegisters} registers, stack {_maxDepth}\n");
        for (int i = 0; i < Listing!.Count; i++)
        {
            int start = Listing[i], end = i + 1 < Listing.Count ? Listing[i + 1] : _code.Count;
            text.Append($"{start,5} {(OpCode)_code[start]}");
            for (int j = start + 1; j < end; j++) text.Append(' ').Append(_code[j]);
            text.Append('\n');
        }
        Console.Error.Write(text.ToString());
    }
}
