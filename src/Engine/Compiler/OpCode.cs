namespace DualEngine.Engine.Compiler;

/// <summary>
/// Bytecode operations. The code stream is an int[]: an opcode followed by its operands.
/// Stack effects are written as [before] → [after]; "r" is a frame register, "k" a constant index,
/// "n" a name (property key) index, "c" an inline-cache index, "t" a jump target.
/// </summary>
internal enum OpCode
{
    // ---- constants and stack ----
    Undefined,          // → [undefined]
    Null,               // → [null]
    True,               // → [true]
    False,              // → [false]
    Hole,               // → [empty] (array holes, TDZ initial values)
    Const,              // k → [constants[k]]
    Int,                // i → [number i]
    Pop,                // [a] →
    Dup,                // [a] → [a a]
    Dup2,               // [a b] → [a b a b]
    Swap,               // [a b] → [b a]
    Over,               // [a b] → [a b a]
    Rot3,               // [a b c] → [c a b]  (moves top below the next two)
    Rot4,               // [a b c d] → [d a b c]

    // ---- variables ----
    LoadReg,            // r → [regs[r]]
    StoreReg,           // r [v] →
    LoadRegChecked,     // r n → [regs[r]]    ReferenceError if uninitialized (TDZ, §9.1.1.1.6)
    StoreRegChecked,    // r n [v] →          ReferenceError if uninitialized
    LoadEnv,            // depth slot → [v]
    StoreEnv,           // depth slot [v] →
    LoadEnvChecked,     // depth slot n → [v]
    StoreEnvChecked,    // depth slot n [v] →
    ThrowConstAssign,   // n →  TypeError "Assignment to constant variable."
    PushEnv,            // size → (new declarative environment, slots start as holes)
    PopEnv,             // → (back to the parent environment)
    CopyEnv,            // → (CreatePerIterationEnvironment, §14.7.4.4)
    SaveEnv,            // r → (regs[r] = current environment)
    RestoreEnv,         // r → (current environment = regs[r])
    LoadGlobal,         // n c → [v]          ReferenceError when unresolvable
    LoadGlobalOrUndefined, // n c → [v]       for typeof
    StoreGlobal,        // n strict c [v] →   sloppy: creates; strict: ReferenceError when unresolvable
    InitGlobalLexical,  // n [v] →            initializes a top-level let/const/class binding
    DeleteGlobal,       // n → [bool]
    WithGet,            // t n [obj] → jump t with [obj.n] if the with-object has n (and it is not unscopable), else pops obj
    WithResolve,        // t n [obj] → jump t with [obj] if the with-object has n, else pops obj (resolves a reference once)
    WithRefGet,         // n [obj] → [obj.n]          GetValue of a reference resolved to a with-object
    WithRefSet,         // n strict [v obj] →         PutValue: SetMutableBinding of an object environment (§9.1.1.2.5)
    WithDelete,         // t n [obj] → jump t with [delete obj.n] if the with-object has n, else pops obj
    WithSet,            // t n [v obj] → obj.n = v and jump t with both popped if obj has n, else pops obj ([v] stays)
    ToObject,           // [v] → [ToObject(v)]
    LoadImport,         // i n → [v]          module import binding i (the exporter's env slot); ReferenceError while uninitialized

    // ---- modules ----
    ImportMeta,         // → [import.meta]    (§13.3.12.1, created on first use)
    DynamicImport,      // [specifier options] → [promise]   import() (§13.3.10.1)

    // ---- properties ----
    GetNamed,           // n c [obj] → [v]
    SetNamed,           // n c [obj v] → [v]
    GetElem,            // [obj key] → [v]
    SetElem,            // [obj key v] → [v]
    DeleteNamed,        // n [obj] → [bool]
    DeleteElem,         // [obj key] → [bool]
    DefineField,        // n [obj v] → [obj]                CreateDataPropertyOrThrow
    DefineFieldElem,    // setName [obj key v] → [obj]   (setName: anonymous functions take the key as name)
    DefineAccessor,     // flags(bit0 setter, bit1 enumerable) [obj key fn] → [obj]
    DefineMethod,       // n enumerable [obj fn] → [obj]     sets the method's [[HomeObject]]
    DefineMethodElem,   // enumerable [obj key fn] → [obj]
    CopyDataProperties, // [obj src] → [obj]                (object spread, §13.2.5.5)
    CopyDataPropertiesExcluding, // count [obj src key1..keyN] → [obj]  (object rest)
    SetFunctionName,    // prefix(0 none,1 get,2 set) [fn key] → [fn]
    ToPropertyKey,      // [v] → [key]
    ToPropertyKeyOf,    // [obj v] → [obj key]   TypeError first when obj is null/undefined (GetValue order)
    In,                 // [key obj] → [bool]
    GetSuper,           // [this key home] → [v]          super[key] (§13.3.7.3 MakeSuperPropertyReference)
    SetSuper,           // [this key v home] → [v]

    // ---- literals ----
    NewObject,          // → [obj]
    SetProtoLiteral,    // [obj v] → [obj]   `__proto__: v` in an object literal (§13.2.5.5)
    NewArray,           // capacity → [arr]
    ArrayPush,          // [arr v] → [arr]
    ArrayHole,          // [arr] → [arr]
    ArraySpread,        // [arr iterable] → [arr]
    Closure,            // f → [fn]
    NewRegExp,          // k(pattern) k(flags) → [re]
    TemplateObject,     // k → [strings]    (cached per site, §13.2.8.4 GetTemplateObject)

    // ---- operators ----
    Add, Sub, Mul, Div, Mod, Exp, Shl, Sar, Shr, BitAnd, BitOr, BitXor,   // [a b] → [r]
    Eq, Ne, StrictEq, StrictNe, Lt, Le, Gt, Ge, InstanceOf,               // [a b] → [bool]
    Neg, Plus, Not, BitNot, TypeOf, Void, ToNumeric, Inc, Dec,            // [a] → [r]
    ToStringForConcat,  // [v] → [string]    (template literals: ToString, not ToPrimitive-default)

    // ---- control ----
    Jump,               // t
    JumpIfFalse,        // t [v] →
    JumpIfTrue,         // t [v] →
    JumpIfFalseKeep,    // t [v] → [v] if jumping, else →
    JumpIfTrueKeep,     // t [v] → [v] if jumping, else →
    JumpIfNotNullishKeep, // t [v] → [v] if jumping, else →
    JumpIfNullishChain, // t extra [.. x] → if x is nullish: pop extra+1, push undefined, jump
    JumpIfNotUndefined, // t [v] → [v] (no pop), jumps unless v is undefined — default values
    Throw,              // [v] →
    ThrowError,         // type n →  (TypeError/ReferenceError/SyntaxError with message names[n])
    Return,             // [v] →
    CheckObjectCoercible, // [v] → [v]
    Debugger,

    // ---- calls ----
    Call,               // argc n [fn this a1..an] → [r]     (n: the callee's source text, for error messages)
    CallSpread,         // n [fn this argsArray] → [r]
    CallEval,           // argc n site [fn this a1..an] → [r]  direct eval when fn is %eval% (§13.3.6.1), else a call
    DeclareEvalVar,     // n mode [holder] →  sloppy eval var: mode 0 check var, 2 check function, 1 declare var, 4 declare function (holder undefined: global), 3 declare a block function's global var if it can be (B.3.2.3)
    New,                // argc n [ctor a1..an] → [obj]
    NewSpread,          // n [ctor argsArray] → [obj]
    SuperCall,          // argc [a1..an callee newTarget] → [this]   (§13.3.7.1)
    SuperCallSpread,    // [argsArray callee newTarget] → [this]
    LoadThisValue,      // → [frame's this]
    LoadNewTarget,      // → [new.target or undefined]
    LoadCallee,         // → [running function]
    LoadHomeObject,     // → [home object of the running function]
    CreateArguments,    // → [arguments object]
    CreateRest,         // index → [array of arguments from index]
    CheckThisInitialized, // [v] → [v]  ReferenceError when this is still uninitialized (derived constructors)

    // ---- iteration ----
    GetIterator,        // [iterable] → [iterator record]            §7.4.2
    GetAsyncIterator,   // [iterable] → [iterator record]
    IteratorNext,       // r t → [value], or jump t when done (for-of step; the record is in register r)
    AsyncIteratorNextCall, // r → [promise]   calls next() of the async iterator in register r (for await)
    IteratorResultUnwrap,  // t [result] → [value], or jump t when result.done (marks the record in register r done)
    IteratorClose,      // [rec] →              (normal completion: call return())
    IteratorCloseQuiet, // [rec] →              (throw completion: errors from return() ignored)
    IteratorStepValue,  // r → [value]   next value, or undefined once done (array destructuring)
    IteratorRestArray,  // r → [array]   the remaining values
    IteratorCloseIfNotDone, // r →
    ForInPrepare,       // [obj] → [enumerator]
    ForInNext,          // r t → [key], or jump t when done

    // ---- functions: generators and async ----
    GeneratorStart,     // → suspends right after the prologue; the call returns the generator / runs the async body
    Yield,              // [v] → [received]      suspends (§27.5.3.7 GeneratorYield)
    YieldDelegate,      // t [iter rec, received]... handled in a loop, see compiler
    Await,              // [v] → [result]        suspends until the promise settles (§27.7.5.3)
    GeneratorResumeKind,// → [kind]   0 next, 1 throw, 2 return (of the last resume)
    AsyncDelegateCall,  // r [received] → [promise]     async yield*: forward next/throw/return to the inner iterator
    AsyncDelegateResult,// r tDone tReturn [result] → [value]; jumps to tDone (yield* value) or tReturn (return it)
    AsyncDelegateYield, // [value] → [received]         suspends like AsyncGeneratorYield, resumptions go to the inner iterator
    AsyncGeneratorYield,// [v] → [received]

    // ---- classes ----
    CreateClass,        // f hasHeritage [heritage?] → [ctor proto]     (§15.7.14 steps 5-18)
    SetFieldInitializer,// [ctor proto init] → [ctor proto]            instance fields run at construction
    RunStaticInitializer, // [ctor proto init] → [ctor proto]          static fields and blocks, this = ctor
    DefineClassField,   // [obj key v] → [obj]                          (§7.3.33 DefineField)
    NewPrivateName,     // n → [private name]                           (§6.2.12)
    SetHome,            // k [.. home .. fn] → same; fn.[[HomeObject]] = the value k slots below fn (private methods)
    PrivateGet,         // [obj name] → [v]
    PrivateSet,         // [obj name v] → [v]
    PrivateIn,          // [obj name] → [bool]
    PrivateDefine,      // [obj name v] → [obj]
    PrivateAccessor,    // setter [obj name fn] → [obj]

    // ---- fused compare-and-jump (conditions of if/for/while/?:, no boolean pushed) ----
    JumpIfLt,           // t [a b] → ; jumps when a < b
    JumpIfNotLt,        // t [a b] → ; jumps unless a < b (not the same as a >= b: NaN)
    JumpIfLe,           // t [a b] →
    JumpIfNotLe,        // t [a b] →
    JumpIfGt,           // t [a b] →
    JumpIfNotGt,        // t [a b] →
    JumpIfGe,           // t [a b] →
    JumpIfNotGe,        // t [a b] →
    JumpIfStrictEq,     // t [a b] → ; jumps when a === b
    JumpIfStrictNe,     // t [a b] → ; jumps when a !== b

    // ---- fused property access ----
    GetMethod,          // n c [obj] → [obj.n obj]   the callee and receiver of a method call (Dup, GetNamed, Swap)
    GetNamedReg,        // r n c → [regs[r].n]        (LoadReg r, GetNamed)       fused by BytecodeBuilder
    GetThisNamed,       // n c → [this.n]             (LoadThisValue, GetNamed)
    SetNamedPop,        // n c [obj v] →              (SetNamed, Pop)
    AddInt,             // k [a] → [a + k]            (Int k, Add)
    SubInt,             // k [a] → [a - k]            (Int k, Sub)
    ReturnReg,          // r →                        (LoadReg r, Return)
    LoadRegInc,         // r → [regs[r] + 1]          (LoadReg r, Inc), numeric increment with ToNumeric
    LoadRegDec,         // r → [regs[r] - 1]          (LoadReg r, Dec)
    IncReg,             // r → ; regs[r] += 1         (LoadRegInc r, StoreReg r)
    DecReg,             // r → ; regs[r] -= 1         (LoadRegDec r, StoreReg r)
    LoadGlobalCallee,   // n c → [v undefined]        (LoadGlobal n c, Undefined): callee and receiver of f(...)

    // ---- literals (appended: keep the earlier numbering) ----
    NewObjectLiteral,   // k [v1..vn] → [obj]        object at the literal's precomputed shape (constants[k]: ObjectLiteralShape, n ≥ 0 keys)
    NewArrayLiteral,    // n capacity [v1..vn] → [arr]   dense array of the n values, storage for capacity elements
    // ---- fused (appended) ----
    GetMethodReg,       // r n c → [regs[r].n regs[r]]   (LoadReg r, GetMethod)   method call on a variable
    GetElemReg,         // r [obj] → [obj[regs[r]]]      (LoadReg r, GetElem)     a[i] with the key in a variable
    ReturnThis,         // →                             (LoadThisValue, Return)  `return this`
    GetElemInt,         // i [obj] → [obj[i]]            (Int i, GetElem)         a[0], a[1]
    JumpCmpRegs,        // op a b t →   jumps as JumpIf<op> would on [regs[a] regs[b]]   (LoadReg a, LoadReg b, JumpIf…)
    JumpCmpRegInt,      // op a k t →   jumps as JumpIf<op> would on [regs[a] k]         (LoadReg a, Int k, JumpIf…)
    AddRegs,            // a b → [regs[a] + regs[b]]     (LoadReg a, LoadReg b, Add)
    SubRegs,            // a b → [regs[a] - regs[b]]     (LoadReg a, LoadReg b, Sub)
    MulRegs,            // a b → [regs[a] * regs[b]]     (LoadReg a, LoadReg b, Mul)
    AddRegInt,          // a k → [regs[a] + k]           (LoadReg a, Int k, Add)
    SubRegInt,          // a k → [regs[a] - k]           (LoadReg a, Int k, Sub)
    CallMethodReg0,     // r n c 0 s → [regs[r].n()]                (GetMethodReg r n c, Call 0 s)
    CallMethodReg1,     // r n c a 1 s → [regs[r].n(regs[a])]        (GetMethodReg r n c, LoadReg a, Call 1 s); a < 0: constants[~a] (Const/Int)
    CallGlobalReg1,     // n c a 1 s → [global n(regs[a])]           (LoadGlobalCallee n c, LoadReg a, Call 1 s)
    GetElemRegs,        // a k → [regs[a][regs[k]]]                  (LoadReg a, LoadReg k, GetElem)
    AddToReg,           // r [v] → ; regs[r] = regs[r] + v           `s += v` when v cannot assign s (compiler)
    SubToReg,           // r [v] → ; regs[r] = regs[r] - v
    AddNamedReg,        // r n c [a] → [a + regs[r].n]             (GetNamedReg r n c, Add)
    SubNamedReg,        // r n c [a] → [a - regs[r].n]             (GetNamedReg r n c, Sub)
    MulNamedReg,        // r n c [a] → [a * regs[r].n]             (GetNamedReg r n c, Mul)
    LoadThisGetThisNamed, // n c → [this this.n]                   (LoadThisValue, LoadThisValue, GetNamed)  `this.n op= v`
    JumpCmpInt,         // op k t [a] →   jumps as JumpIf<op> would on [a k]           (Int k, JumpIf…)
    StoreRegKeep,       // r [v] → [v] ; regs[r] = v                                    (Dup, StoreReg r)
    AddReturn,          // [a b] →   returns a + b                                      (Add, Return)
    ModRegInt,          // a k → [regs[a] % k]           (LoadReg a, Int k, Mod)
    AddSumToReg,        // r [a b] → ; regs[r] = regs[r] + (a + b)                      (Add, AddToReg r)  `s += a + b`
    // ---- capture by copy (appended; see ScopeAnalyzer.CaptureCopies) ----
    ClosureCapture,     // f r → [fn]     Closure, with regs[r] as the closure's copied capture
    LoadCapture,        // → [v]          the running closure's copied capture
    MulInt,             // k [a] → [a * k]            (Int k, Mul)
    JumpCmpRegNamed,    // op a r n c t →   jumps as JumpIf<op> would on [regs[a] regs[r].n]   (LoadReg a, GetNamedReg r n c, JumpIf…)  `i < a.length`
    SetGlobalBlockFunction, // n [f] →   a sloppy script's block-level function assigns its global var, unless a global let/const/class has the name (B.3.2.2)
    // ---- super() binding `this` (appended; §13.3.7.1 steps 8-11) ----
    CheckThisUnbound,   // [this] →   ReferenceError unless the derived constructor's `this` is still unbound (BindThisValue, §9.1.1.3.1)
    InitializeInstanceElements, // [obj F] → [obj]   F's fields and private methods on obj (§7.3.34), after super() bound `this`
    // ---- strict assignment to an undeclared name (appended; §13.15.2 step 1.a) ----
    HasGlobalBinding,   // n → [bool]     HasBinding of the global environment (§9.1.1.4.1): a global let/const/class or a property of the global object
}
