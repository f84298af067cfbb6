// Internal declarations shared by the shim's .cc files (not part of the extern "C" surface).
#pragma once
#include "dv8.h"

#include <v8.h>

#include <atomic>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace dv8 {

using namespace v8;

extern Dv8Host g_host;

// A loaded module and what we know of it.
struct ModuleRecord {
  Global<Module> module;
  std::u16string url;
  Global<Value> json;  // a JSON module's value, parsed at load time (its synthetic evaluation exports it)
};

}  // namespace dv8

struct Dv8Realm {
  intptr_t host = 0;  // the C# V8Realm (GCHandle)
  Dv8OpTable* ops = nullptr;
  v8::Isolate* isolate = nullptr;
  v8::ArrayBuffer::Allocator* allocator = nullptr;
  v8::StartupData snapshot{nullptr, 0};
  bool from_snapshot = false;
  v8::Global<v8::Context> context;

  int next_promise_id = 1;
  std::unordered_map<int, v8::Global<v8::Promise::Resolver>> resolvers;  // async-op promises
  std::unordered_map<int, v8::Global<v8::Promise>> held_promises;        // module evaluations

  std::vector<std::unique_ptr<dv8::ModuleRecord>> modules;
  // import() of a module that is still evaluating (a cycle with top-level await): finished once it is not.
  std::vector<std::pair<v8::Global<v8::Module>, v8::Global<v8::Promise::Resolver>>> deferred_imports;
  std::unordered_map<int, std::vector<dv8::ModuleRecord*>> modules_by_hash;  // Module::GetIdentityHash
  std::u16string main_module_url;

  // Rejections without handler, in order; removed again when a handler is attached.
  std::deque<std::pair<v8::Global<v8::Promise>, v8::Global<v8::Value>>> unhandled;
  // Rejections an "unhandledrejection" listener handled; a handler attached later moves one to
  // handled_later, which is dispatched as "rejectionhandled" after the next checkpoint (as Deno does).
  std::vector<std::pair<v8::Global<v8::Promise>, v8::Global<v8::Value>>> reported;
  std::deque<std::pair<v8::Global<v8::Promise>, v8::Global<v8::Value>>> handled_later;
  // Errors reported by V8's message listener during a microtask checkpoint (queueMicrotask throws).
  std::optional<v8::Global<v8::Value>> microtask_error;
  std::optional<v8::Global<v8::Message>> microtask_message;

  // The last error, kept as UTF-16 strings referenced by last_error.
  std::u16string err_name, err_message, err_stack, err_file, err_source_line;
  Dv8Error last_error{};
  std::u16string scratch;                // dv8_arg_string / dv8_arg_json results
  std::vector<uint8_t> scratch_bytes;    // dv8_arg_bytes results

  std::atomic<bool> oom{false};          // the near-heap-limit callback fired
  size_t heap_limit = 0;
};

namespace dv8 {

// Enters the realm on the calling thread: Locker, isolate scope, handle scope, context scope.
struct Enter {
  v8::Locker locker;
  v8::Isolate::Scope isolate_scope;
  v8::HandleScope handles;
  v8::Local<v8::Context> context;
  v8::Context::Scope context_scope;
  explicit Enter(Dv8Realm* rt)
      : locker(rt->isolate), isolate_scope(rt->isolate), handles(rt->isolate),
        context(rt->context.Get(rt->isolate)), context_scope(context) {}
};

inline Dv8Realm* RealmOf(Isolate* iso) { return static_cast<Dv8Realm*>(iso->GetData(0)); }

// An op's typed slow entry as DirectCallback reads it (fn null: the op has none).
struct DirectEntry {
  Dv8DirectFn fn = nullptr;
  int32_t ret = 0;                       // FastType of the result
  int32_t argc = 0;
  uint8_t args[kDv8DirectSlots] = {};    // FastType per JS argument
};
const DirectEntry* DirectEntries(Dv8OpTable* ops);

// Isolate data: slot 0 the realm; slot 1 its op table's typed entries and slot 2 its OpState handle, both set
// only once the realm has a host (never while a snapshot is made, so ops cannot run then).
enum { kIsolateSlotRealm = 0, kIsolateSlotDirect = 1, kIsolateSlotOpState = 2 };
inline const DirectEntry* DirectEntriesOf(Isolate* iso) {
  return static_cast<const DirectEntry*>(iso->GetData(kIsolateSlotDirect));
}
inline intptr_t OpStateOf(Isolate* iso) { return reinterpret_cast<intptr_t>(iso->GetData(kIsolateSlotOpState)); }

Local<String> Utf16(Isolate* iso, const char16_t* s, int len);
Local<String> Utf8(Isolate* iso, const char* s);
std::u16string ToU16(Isolate* iso, Local<Value> v);

// Converts a value from C# into a JS value (strings copied, JSON parsed). Empty on a JSON parse error.
MaybeLocal<Value> FromDv8(Isolate* iso, Local<Context> ctx, const Dv8Value& v);
// Builds the JS error an op raises: built-in classes directly, others through __core's error factory.
Local<Value> MakeError(Isolate* iso, Local<Context> ctx, const std::u16string& cls, const std::u16string& msg);

// Fills rt->last_error from a caught exception (or termination / out-of-memory).
void CaptureError(Dv8Realm* rt, TryCatch& tc);
void CaptureValue(Dv8Realm* rt, Local<Value> exception, Local<Message> message);
void SetSimpleError(Dv8Realm* rt, const std::u16string& name, const std::u16string& message);

// Installs globalThis.__core (ops, setHook, setErrorFactory, queueMicrotask) into a fresh context.
void InstallCore(Isolate* iso, Local<Context> ctx, Dv8OpTable* ops);
// The function registered with __core.setHook(name, fn), or empty. Hooks live in a JS object kept
// under a private symbol on the global, so a startup snapshot carries them.
MaybeLocal<Function> FindHook(Isolate* iso, Local<Context> ctx, const char* name);
MaybeLocal<Function> FindHook(Isolate* iso, Local<Context> ctx, Local<String> name);
// External references (every native callback, fast function and CFunctionInfo) in a fixed order.
const intptr_t* ExternalReferences(Dv8OpTable* ops);

// __core.v8.createRealm / evalScriptIn: more realms in the isolate, for test262 (test_realms.cc).
void InstallRealmFunctions(Isolate* iso, Local<Context> ctx, Local<Object> core);
void AddRealmFunctionReferences(std::vector<intptr_t>& refs);

// Module machinery (modules.cc).
void InstallModuleCallbacks(Isolate* iso);
MaybeLocal<Module> LoadModuleGraph(Dv8Realm* rt, Local<Context> ctx, const std::u16string& url, const std::u16string& type);
// Finishes deferred import() calls whose module has left the evaluating state; true if any was.
bool SettleDeferredImports(Dv8Realm* rt, Local<Context> ctx);
// Promise rejection tracking and microtask error listener (promises.cc).
void InstallPromiseCallbacks(Isolate* iso);

// True when the last failed call was cut short by TerminateExecution; resets termination so the realm stays usable.
bool RecoverFromTermination(Dv8Realm* rt);

}  // namespace dv8
