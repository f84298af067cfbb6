// Ops: how JS calls C#. Each op is a function on __core.ops. Ops with a typed slow entry (numbers and
// booleans in and out) have DirectCallback as their slow callback: it converts the arguments itself and
// calls the entry, one crossing into C# with nothing else. Other ops have OpCallback, which pre-reads the
// arguments into a Dv8OpFrame and calls the host once (C# reads them through IOpCall). Fast-eligible ops
// also carry a V8 Fast API CFunction pointing straight at the C# [UnmanagedCallersOnly] trampoline (needs
// --turbo-fast-api-calls).
#include <v8-fast-api-calls.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "realm.h"

namespace dv8 {

struct OpEntry {
  std::u16string name;
  std::vector<CTypeInfo> fast_args;      // receiver first
  std::unique_ptr<CFunctionInfo> fast_info;
  CFunction fast;                        // empty when the op has no fast path
};

}  // namespace dv8

struct Dv8OpTable {
  std::vector<dv8::OpEntry> ops;
  std::vector<dv8::DirectEntry> direct;  // by op index; fn null for ops without a typed slow entry
  std::vector<intptr_t> external_refs;
};

namespace dv8 {

static CTypeInfo::Type FastCType(int32_t t) {
  switch (t) {
    case 1: return CTypeInfo::Type::kBool;
    case 2: return CTypeInfo::Type::kInt32;
    case 3: return CTypeInfo::Type::kUint32;
    case 4: return CTypeInfo::Type::kFloat64;
    default: return CTypeInfo::Type::kVoid;
  }
}

static inline void SetNumberResult(const FunctionCallbackInfo<Value>& info, double d) {
  // Integral results go back as Int32 (a Smi in V8): Set(double) would allocate a HeapNumber each call.
  if (d >= -2147483648.0 && d <= 2147483647.0) {  // (the cast below is only defined in range)
    int32_t i = static_cast<int32_t>(d);
    if (static_cast<double>(i) == d && !(i == 0 && std::signbit(d))) {
      info.GetReturnValue().Set(i);
      return;
    }
  }
  info.GetReturnValue().Set(d);
}

static void OpCallback(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  Dv8Realm* rt = RealmOf(iso);
  if (rt == nullptr || rt->host == 0) {
    // Only while a snapshot is being made: bootstrap code must not call ops at that time.
    iso->ThrowException(Exception::Error(Utf8(iso, "ops cannot be called while the startup snapshot is made")));
    return;
  }
  Dv8OpFrame f;
  f.info = &info;
  f.realm = rt;
  f.argc = info.Length();
  f.throw_class = nullptr;
  f.result_kind = -1;
  f.int_mask = 0;
  int n = f.argc < kDv8InlineArgs ? f.argc : kDv8InlineArgs;
  for (int i = 0; i < n; i++) {
    Local<Value> a = info[i];
    double num = 0;
    int32_t kind;
    // Small integers (Smis) are read from the tagged word itself, as V8's own inline accessors do:
    // no call into libnode for the most common argument (ids, counters, lengths, rids).
    internal::Address raw = *reinterpret_cast<const internal::Address*>(*a);
    if (!internal::Internals::HasHeapObjectTag(raw)) {
      int32_t v = internal::Internals::SmiValue(raw);
      kind = kDv8Number; num = v; f.ints[i] = v; f.int_mask |= 1 << i;
    }
    else if (a->IsString()) kind = kDv8String;
    else if (a->IsNumber()) { kind = kDv8Number; num = a.As<Number>()->Value(); }
    else if (a->IsUndefined()) kind = kDv8Undefined;
    else if (a->IsNull()) kind = kDv8Null;
    else if (a->IsBoolean()) { kind = kDv8Boolean; num = a->IsTrue() ? 1 : 0; }
    else if (a->IsArrayBufferView() || a->IsArrayBuffer()) kind = kDv8Bytes;
    else if (a->IsBigInt()) { kind = kDv8BigInt; num = (double)a.As<BigInt>()->Int64Value(); }
    else kind = kDv8Object;
    f.kinds[i] = kind;
    f.numbers[i] = num;
  }
  // The op's index is the function's data, always a Smi (see InstallOps).
  int op = internal::Internals::SmiValue(*reinterpret_cast<const internal::Address*>(*info.Data()));
  g_host.op_call(rt->host, op, &f);
  switch (f.result_kind) {  // simple results come back in the frame: no second call across the boundary
    case kDv8Number: SetNumberResult(info, f.result_number); break;
    case kDv8Boolean: info.GetReturnValue().Set(f.result_number != 0); break;
    case kDv8Null: info.GetReturnValue().SetNull(); break;
    default: break;
  }
  if (f.throw_class != nullptr) {
    Local<Context> ctx = iso->GetCurrentContext();
    iso->ThrowException(MakeError(iso, ctx, std::u16string(f.throw_class, f.throw_class_len),
                                  std::u16string(f.throw_message, f.throw_message_len)));
  }
}

// ECMA-262 ToNumber of an argument as IOpCall.GetNumber gives it: a throwing conversion (valueOf, Symbol,
// BigInt) gives NaN and leaves no exception pending.
static double ArgToNumber(Isolate* iso, Local<Value> a) {
  if (a->IsNumber()) return a.As<Number>()->Value();
  TryCatch tc(iso);
  return a->NumberValue(iso->GetCurrentContext()).FromMaybe(std::numeric_limits<double>::quiet_NaN());
}

// ECMA-262 ToInt32 (§7.1.6), as IOpCall.GetInt32: truncate, wrap modulo 2^32, NaN and infinities to 0.
static int32_t DoubleToInt32(double d) {
  if (!std::isfinite(d)) return 0;
  if (d >= -2147483648.0 && d <= 2147483647.0) return static_cast<int32_t>(d);
  double m = std::fmod(std::trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return static_cast<int32_t>(static_cast<uint32_t>(m));
}

// The slow callback of ops with a typed slow entry: converts each JS argument into its slot (Smis read from
// the tagged word, as V8's inline accessors do), calls the entry, sets the result from slot 0.
static void DirectCallback(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  // The realm's typed entries sit in isolate data (one load from the isolate, then the op's own 24 bytes):
  // every dependent load on this path shows up per call.
  const DirectEntry* entries = DirectEntriesOf(iso);
  if (entries == nullptr) {
    iso->ThrowException(Exception::Error(Utf8(iso, "ops cannot be called while the startup snapshot is made")));
    return;
  }
  int index = internal::Internals::SmiValue(*reinterpret_cast<const internal::Address*>(*info.Data()));
  const DirectEntry& op = entries[index];
  uint64_t slots[kDv8DirectSlots];
  for (int i = 0; i < op.argc; i++) {
    Local<Value> a = info[i];  // undefined past the end
    internal::Address raw = *reinterpret_cast<const internal::Address*>(*a);
    bool smi = !internal::Internals::HasHeapObjectTag(raw);
    switch (op.args[i]) {
      case 1: {  // Bool: ToBoolean
        bool b = smi ? internal::Internals::SmiValue(raw) != 0 : a->BooleanValue(iso);
        slots[i] = b ? 1 : 0;
        break;
      }
      case 2: case 3: {  // Int32, UInt32: ToInt32 (ToUint32 is the same bits)
        int32_t v = smi ? internal::Internals::SmiValue(raw) : DoubleToInt32(ArgToNumber(iso, a));
        slots[i] = static_cast<uint32_t>(v);
        break;
      }
      default: {  // Float64: ToNumber
        double d = smi ? static_cast<double>(internal::Internals::SmiValue(raw)) : ArgToNumber(iso, a);
        memcpy(&slots[i], &d, sizeof d);
        break;
      }
    }
  }
  if (op.fn(OpStateOf(iso), slots) != 0) {
    auto text = [](uint64_t chars, uint64_t len) {
      return chars == 0 ? std::u16string() : std::u16string(reinterpret_cast<const char16_t*>(chars), (size_t)len);
    };
    std::u16string cls = text(slots[0], slots[1]);
    if (cls.empty()) cls = u"Error";
    iso->ThrowException(MakeError(iso, iso->GetCurrentContext(), cls, text(slots[2], slots[3])));
    return;
  }
  switch (op.ret) {
    case 1: info.GetReturnValue().Set((slots[0] & 0xff) != 0); break;
    case 2: info.GetReturnValue().Set(static_cast<int32_t>(static_cast<uint32_t>(slots[0]))); break;
    case 3: info.GetReturnValue().Set(static_cast<uint32_t>(slots[0])); break;
    case 4: {
      double d;
      memcpy(&d, &slots[0], sizeof d);
      SetNumberResult(info, d);
      break;
    }
    default: break;  // Void: undefined
  }
}

static Local<Object> HookTable(Isolate* iso, Local<Context> ctx) {
  Local<Private> key = Private::ForApi(iso, Utf8(iso, "dv8.hooks"));
  Local<Value> table;
  if (ctx->Global()->GetPrivate(ctx, key).ToLocal(&table) && table->IsObject()) return table.As<Object>();
  Local<Object> created = Object::New(iso, Null(iso), nullptr, nullptr, 0);
  ctx->Global()->SetPrivate(ctx, key, created).Check();
  return created;
}

MaybeLocal<Function> FindHook(Isolate* iso, Local<Context> ctx, Local<String> name) {
  Local<Value> fn;
  if (!HookTable(iso, ctx)->Get(ctx, name).ToLocal(&fn) || !fn->IsFunction()) return {};
  return fn.As<Function>();
}

MaybeLocal<Function> FindHook(Isolate* iso, Local<Context> ctx, const char* name) {
  return FindHook(iso, ctx, Utf8(iso, name));
}

// __core.setHook(name, fn): the event loop calls these by name (dv8_call_hook).
static void SetHook(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  if (info.Length() < 2 || !info[0]->IsString() || !info[1]->IsFunction()) {
    iso->ThrowException(Exception::TypeError(Utf8(iso, "setHook(name, fn) expects a string and a function")));
    return;
  }
  Local<Context> ctx = iso->GetCurrentContext();
  HookTable(iso, ctx)->Set(ctx, info[0], info[1]).Check();
}

// __core.setErrorFactory((className, message) => Error): builds errors for runtime error classes.
static void SetErrorFactory(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  if (info.Length() < 1 || !info[0]->IsFunction()) {
    iso->ThrowException(Exception::TypeError(Utf8(iso, "setErrorFactory(fn) expects a function")));
    return;
  }
  Local<Context> ctx = iso->GetCurrentContext();
  HookTable(iso, ctx)->Set(ctx, Utf8(iso, "$errorFactory"), info[0]).Check();
}

// __core.queueMicrotask(fn): HTML's queueMicrotask; a throw in fn is reported as an uncaught error.
static void QueueMicrotask(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  if (info.Length() < 1 || !info[0]->IsFunction()) {
    iso->ThrowException(Exception::TypeError(Utf8(iso, "queueMicrotask: callback is not a function")));
    return;
  }
  iso->EnqueueMicrotask(info[0].As<Function>());
}

static Local<Function> NewFunction(Isolate* iso, Local<Context> ctx, FunctionCallback cb, Local<Value> data,
                                   const CFunction* fast, Local<String> name) {
  auto tmpl = FunctionTemplate::New(iso, cb, data, Local<Signature>(), 0, ConstructorBehavior::kThrow,
                                    SideEffectType::kHasSideEffect, fast);
  auto fn = tmpl->GetFunction(ctx).ToLocalChecked();
  fn->SetName(name);
  return fn;
}

void InstallCore(Isolate* iso, Local<Context> ctx, Dv8OpTable* table) {
  Local<Object> core = Object::New(iso);
  Local<Object> ops = Object::New(iso);
  for (size_t i = 0; i < table->ops.size(); i++) {
    OpEntry& op = table->ops[i];
    Local<String> name = Utf16(iso, op.name.data(), (int)op.name.size());
    const CFunction* fast = op.fast.GetAddress() != nullptr ? &op.fast : nullptr;
    FunctionCallback callback = table->direct[i].fn != nullptr ? DirectCallback : OpCallback;
    ops->Set(ctx, name, NewFunction(iso, ctx, callback, Integer::New(iso, (int)i), fast, name)).Check();
  }
  core->Set(ctx, Utf8(iso, "ops"), ops).Check();
  core->Set(ctx, Utf8(iso, "setHook"),
            NewFunction(iso, ctx, SetHook, Local<Value>(), nullptr, Utf8(iso, "setHook"))).Check();
  core->Set(ctx, Utf8(iso, "setErrorFactory"),
            NewFunction(iso, ctx, SetErrorFactory, Local<Value>(), nullptr, Utf8(iso, "setErrorFactory"))).Check();
  core->Set(ctx, Utf8(iso, "queueMicrotask"),
            NewFunction(iso, ctx, QueueMicrotask, Local<Value>(), nullptr, Utf8(iso, "queueMicrotask"))).Check();
  InstallRealmFunctions(iso, ctx, core);
  ctx->Global()->Set(ctx, Utf8(iso, "__core"), core).Check();
  HookTable(iso, ctx);
}

const intptr_t* ExternalReferences(Dv8OpTable* table) { return table->external_refs.data(); }

const DirectEntry* DirectEntries(Dv8OpTable* table) { return table->direct.data(); }

}  // namespace dv8

using namespace dv8;

DV8_API Dv8OpTable* dv8_op_table_new(const Dv8OpSpec* specs, int32_t count) {
  auto* table = new Dv8OpTable();
  table->ops.resize(count);
  table->direct.resize(count);
  // Snapshot pitfall: V8 stores raw fast-call pointers, so every fast function and its CFunctionInfo
  // must be listed as an external reference, in the same order in every process.
  auto& refs = table->external_refs;
  refs.push_back(reinterpret_cast<intptr_t>(&OpCallback));
  refs.push_back(reinterpret_cast<intptr_t>(&DirectCallback));
  refs.push_back(reinterpret_cast<intptr_t>(&SetHook));
  refs.push_back(reinterpret_cast<intptr_t>(&SetErrorFactory));
  refs.push_back(reinterpret_cast<intptr_t>(&QueueMicrotask));
  AddRealmFunctionReferences(refs);
  for (int32_t i = 0; i < count; i++) {
    const Dv8OpSpec& s = specs[i];
    OpEntry& op = table->ops[i];
    op.name.assign(s.name, s.name_len);
    if (s.direct_fn != nullptr && s.direct_argc >= 0 && s.direct_argc <= kDv8DirectSlots) {
      DirectEntry& d = table->direct[i];
      d.fn = s.direct_fn;
      d.ret = s.direct_return;
      d.argc = s.direct_argc;
      for (int32_t a = 0; a < s.direct_argc; a++) d.args[a] = (uint8_t)s.direct_args[a];
    }
    if (s.fast_fn == nullptr) continue;
    op.fast_args.emplace_back(CTypeInfo::Type::kV8Value);  // the receiver
    for (int32_t a = 0; a < s.fast_argc; a++) op.fast_args.emplace_back(FastCType(s.fast_args[a]));
    op.fast_info = std::make_unique<CFunctionInfo>(CTypeInfo(FastCType(s.fast_return)),
                                                   (unsigned)op.fast_args.size(), op.fast_args.data());
    op.fast = CFunction(s.fast_fn, op.fast_info.get());
    refs.push_back(reinterpret_cast<intptr_t>(s.fast_fn));
    refs.push_back(reinterpret_cast<intptr_t>(op.fast_info.get()));
  }
  refs.push_back(0);
  return table;
}

static const FunctionCallbackInfo<Value>& Info(Dv8OpFrame* f) {
  return *static_cast<const FunctionCallbackInfo<Value>*>(f->info);
}

DV8_API int32_t dv8_arg_kind(Dv8OpFrame* f, int32_t i) {
  if (i < kDv8InlineArgs) return i < f->argc ? f->kinds[i] : kDv8Undefined;
  Local<Value> a = Info(f)[i];
  if (a->IsNumber()) return kDv8Number;
  if (a->IsString()) return kDv8String;
  if (a->IsBoolean()) return kDv8Boolean;
  if (a->IsUndefined()) return kDv8Undefined;
  if (a->IsNull()) return kDv8Null;
  if (a->IsArrayBufferView() || a->IsArrayBuffer()) return kDv8Bytes;
  if (a->IsBigInt()) return kDv8BigInt;
  return kDv8Object;
}

DV8_API double dv8_arg_number(Dv8OpFrame* f, int32_t i) {
  if (i < kDv8InlineArgs && i < f->argc && (f->kinds[i] == kDv8Number || f->kinds[i] == kDv8Boolean)) return f->numbers[i];
  Isolate* iso = Info(f).GetIsolate();
  TryCatch tc(iso);  // ToNumber may throw (valueOf); the op then sees NaN
  return Info(f)[i]->NumberValue(iso->GetCurrentContext()).FromMaybe(std::numeric_limits<double>::quiet_NaN());
}

DV8_API int32_t dv8_arg_boolean(Dv8OpFrame* f, int32_t i) {
  return Info(f)[i]->BooleanValue(Info(f).GetIsolate()) ? 1 : 0;
}

DV8_API const char16_t* dv8_arg_string(Dv8OpFrame* f, int32_t i, int32_t* len) {
  Isolate* iso = Info(f).GetIsolate();
  Local<Value> v = Info(f)[i];
  auto& out = f->realm->scratch;
  if (!v->IsString()) {
    out = ToU16(iso, v);
    *len = (int32_t)out.size();
    return out.data();
  }
  // Written into the realm's scratch buffer, which only grows: no allocation per call once warm.
  Local<String> s = v.As<String>();
  int n = s->Length();
  if (out.size() < (size_t)n) out.resize(n);
  s->Write(iso, reinterpret_cast<uint16_t*>(out.data()), 0, n, String::NO_NULL_TERMINATION);
  *len = n;
  return out.data();
}

DV8_API const char16_t* dv8_arg_json(Dv8OpFrame* f, int32_t i, int32_t* len) {
  Isolate* iso = Info(f).GetIsolate();
  Local<Context> ctx = iso->GetCurrentContext();
  TryCatch tc(iso);
  Local<String> json;
  Local<Value> a = Info(f)[i];
  if (a->IsUndefined() || !JSON::Stringify(ctx, a).ToLocal(&json)) json = Utf8(iso, "null");
  f->realm->scratch = ToU16(iso, json);
  *len = (int32_t)f->realm->scratch.size();
  return f->realm->scratch.data();
}

DV8_API const uint8_t* dv8_arg_bytes(Dv8OpFrame* f, int32_t i, int32_t* len) {
  Local<Value> a = Info(f)[i];
  auto& out = f->realm->scratch_bytes;
  out.clear();
  if (a->IsArrayBufferView()) {
    auto view = a.As<ArrayBufferView>();
    out.resize(view->ByteLength());
    if (!out.empty()) view->CopyContents(out.data(), out.size());
  } else if (a->IsArrayBuffer()) {
    auto store = a.As<ArrayBuffer>()->GetBackingStore();
    out.assign(static_cast<uint8_t*>(store->Data()), static_cast<uint8_t*>(store->Data()) + store->ByteLength());
  }
  *len = (int32_t)out.size();
  return out.data();
}

DV8_API void dv8_set_result(Dv8OpFrame* f, const Dv8Value* value) {
  auto& info = Info(f);
  Isolate* iso = info.GetIsolate();
  switch (value->kind) {
    case kDv8Undefined: return;  // the default return value
    case kDv8Number: info.GetReturnValue().Set(value->number); return;
    case kDv8Boolean: info.GetReturnValue().Set(value->number != 0); return;
    default: {
      Local<Value> v;
      if (FromDv8(iso, iso->GetCurrentContext(), *value).ToLocal(&v)) info.GetReturnValue().Set(v);
      return;  // a JSON parse failure left its SyntaxError pending, which the caller sees
    }
  }
}

DV8_API int32_t dv8_create_promise(Dv8OpFrame* f) {
  auto& info = Info(f);
  Isolate* iso = info.GetIsolate();
  Dv8Realm* rt = f->realm;
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(iso->GetCurrentContext()).ToLocal(&resolver)) return 0;
  int id = rt->next_promise_id++;
  rt->resolvers[id].Reset(iso, resolver);
  info.GetReturnValue().Set(resolver->GetPromise());
  return id;
}
