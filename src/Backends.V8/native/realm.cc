// Process set-up and the realm (isolate + one context): create, evaluate scripts, call hooks,
// terminate, heap limit. Every entry point takes the isolate's Locker (spike pitfall 4).
#include <libplatform/libplatform.h>

#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "realm.h"

namespace dv8 {
Dv8Host g_host{};
static Platform* g_platform = nullptr;  // leaked on purpose: never torn down under a live isolate

// Near the heap limit: stop the script instead of letting V8 abort the process. The limit is raised
// so that termination has room to unwind; AutomaticallyRestoreInitialHeapLimit lowers it again.
static size_t OnNearHeapLimit(void* data, size_t current_limit, size_t initial_limit) {
  Dv8Realm* rt = static_cast<Dv8Realm*>(data);
  rt->oom = true;
  rt->isolate->TerminateExecution();
  return current_limit + initial_limit;
}

static void OnFatalError(const char* location, const char* message) {
  fprintf(stderr, "error: V8 fatal error in %s: %s\n", location, message);
  fflush(stderr);
}

static void OnOutOfMemory(const char* location, bool is_heap_oom) {
  fprintf(stderr, "error: JavaScript heap out of memory (%s)\n", location);
  fflush(stderr);
}
}  // namespace dv8

using namespace dv8;

DV8_API int32_t dv8_initialize(const char* v8_flags, const Dv8Host* host) {
  if (g_platform != nullptr) return 0;
  g_host = *host;
  // Fast API calls are off by default in V8 10.2 (spike pitfall 1).
  V8::SetFlagsFromString("--turbo-fast-api-calls");
  // Import assertions (`assert { type: "json" }`) are behind a flag in 10.2; `with` is rewritten by the loader.
  V8::SetFlagsFromString("--harmony-import-assertions");
  if (v8_flags != nullptr && *v8_flags) V8::SetFlagsFromString(v8_flags);
  V8::InitializeICUDefaultLocation("/proc/self/exe");
  g_platform = platform::NewDefaultPlatform().release();
  V8::InitializePlatform(g_platform);
  return V8::Initialize() ? 0 : 1;
}

DV8_API const char* dv8_version() { return V8::GetVersion(); }

DV8_API const uint8_t* dv8_file_map(const char* path, int64_t* size) {
  *size = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  void* data = MAP_FAILED;
  if (fstat(fd, &st) == 0 && st.st_size > 0) data = mmap(nullptr, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);  // the mapping keeps the file
  if (data == MAP_FAILED) return nullptr;
  *size = st.st_size;
  return static_cast<const uint8_t*>(data);
}

DV8_API void dv8_file_unmap(const uint8_t* data, int64_t size) {
  if (data != nullptr) munmap(const_cast<uint8_t*>(data), (size_t)size);
}

DV8_API Dv8Realm* dv8_realm_new(intptr_t host_realm, intptr_t op_state, Dv8OpTable* ops, const uint8_t* snapshot, int32_t snapshot_len, double heap_limit) {
  auto* rt = new Dv8Realm();
  rt->host = host_realm;
  rt->ops = ops;
  rt->allocator = ArrayBuffer::Allocator::NewDefaultAllocator();
  Isolate::CreateParams params;
  params.array_buffer_allocator = rt->allocator;
  params.external_references = ExternalReferences(ops);
  if (snapshot != nullptr && snapshot_len > 0) {
    // Not copied: the caller keeps it (a read-only mapping of the snapshot file) until dv8_realm_dispose.
    rt->snapshot = StartupData{reinterpret_cast<const char*>(snapshot), snapshot_len};
    params.snapshot_blob = &rt->snapshot;
    rt->from_snapshot = true;
  }
  if (heap_limit > 0) {
    rt->heap_limit = (size_t)heap_limit;
    params.constraints.ConfigureDefaultsFromHeapSize(0, rt->heap_limit);
  }
  rt->isolate = Isolate::New(params);
  Isolate* iso = rt->isolate;
  iso->SetData(kIsolateSlotRealm, rt);
  if (host_realm != 0) {
    iso->SetData(kIsolateSlotDirect, const_cast<DirectEntry*>(DirectEntries(ops)));
    iso->SetData(kIsolateSlotOpState, reinterpret_cast<void*>(op_state));
  }
  iso->SetMicrotasksPolicy(MicrotasksPolicy::kExplicit);
  iso->SetFatalErrorHandler(OnFatalError);
  iso->SetOOMErrorHandler(OnOutOfMemory);
  iso->AddNearHeapLimitCallback(OnNearHeapLimit, rt);
  iso->AutomaticallyRestoreInitialHeapLimit(0.5);
  InstallModuleCallbacks(iso);
  InstallPromiseCallbacks(iso);

  Locker locker(iso);
  Isolate::Scope isolate_scope(iso);
  HandleScope handles(iso);
  Local<Context> ctx = Context::New(iso);
  if (!rt->from_snapshot) {
    Context::Scope context_scope(ctx);
    InstallCore(iso, ctx, ops);
  }
  rt->context.Reset(iso, ctx);
  return rt;
}

DV8_API int32_t dv8_realm_from_snapshot(Dv8Realm* rt) { return rt->from_snapshot ? 1 : 0; }

DV8_API void dv8_realm_dispose(Dv8Realm* rt) {
  {
    Locker locker(rt->isolate);
    Isolate::Scope isolate_scope(rt->isolate);
    rt->resolvers.clear();
    rt->held_promises.clear();
    rt->deferred_imports.clear();
    rt->modules.clear();
    rt->modules_by_hash.clear();
    rt->unhandled.clear();
    rt->reported.clear();
    rt->handled_later.clear();
    rt->microtask_error.reset();
    rt->microtask_message.reset();
    rt->context.Reset();
  }
  rt->isolate->Dispose();
  delete rt->allocator;
  delete rt;
}

DV8_API int32_t dv8_eval_script(Dv8Realm* rt, const char16_t* src, int32_t len, const char16_t* name, int32_t name_len) {
  Enter e(rt);
  Isolate* iso = rt->isolate;
  TryCatch tc(iso);
  ScriptOrigin origin(iso, Utf16(iso, name, name_len));
  Local<Script> script;
  Local<Value> result;
  if (!Script::Compile(e.context, Utf16(iso, src, len), &origin).ToLocal(&script) || !script->Run(e.context).ToLocal(&result)) {
    CaptureError(rt, tc);
    RecoverFromTermination(rt);
    return 1;
  }
  return 0;
}

DV8_API int32_t dv8_call_hook(Dv8Realm* rt, const char16_t* name, int32_t name_len, const Dv8Value* args, int32_t argc,
                              int32_t* truthy) {
  Enter e(rt);
  Isolate* iso = rt->isolate;
  Local<Function> hook;
  if (!FindHook(iso, e.context, Utf16(iso, name, name_len)).ToLocal(&hook)) return 2;
  TryCatch tc(iso);
  std::vector<Local<Value>> values(argc);
  for (int i = 0; i < argc; i++) {
    if (!FromDv8(iso, e.context, args[i]).ToLocal(&values[i])) {
      CaptureError(rt, tc);
      return 1;
    }
  }
  Local<Value> result;
  if (!hook->Call(e.context, Undefined(iso), argc, values.data()).ToLocal(&result)) {
    CaptureError(rt, tc);
    RecoverFromTermination(rt);
    return 1;
  }
  *truthy = result->BooleanValue(iso) ? 1 : 0;
  return 0;
}

DV8_API const Dv8Error* dv8_last_error(Dv8Realm* rt) { return &rt->last_error; }

// Thread-safe by V8's contract: may be called while another thread runs the isolate.
DV8_API void dv8_terminate(Dv8Realm* rt) { rt->isolate->TerminateExecution(); }

DV8_API double dv8_heap_used(Dv8Realm* rt) {
  Locker locker(rt->isolate);
  HeapStatistics stats;
  rt->isolate->GetHeapStatistics(&stats);
  return (double)stats.used_heap_size();
}

// Creates the startup snapshot: a context with __core installed and the bootstrap scripts run.
DV8_API int32_t dv8_snapshot_create(Dv8OpTable* ops, const char16_t* const* names, const int32_t* name_lens,
                                    const char16_t* const* sources, const int32_t* source_lens, int32_t count,
                                    const char* path, const char16_t** error, int32_t* error_len) {
  static std::u16string failure;
  StartupData blob{nullptr, 0};
  {
    SnapshotCreator creator(ExternalReferences(ops));
    Isolate* iso = creator.GetIsolate();
    Dv8Realm scratch;  // __core's callbacks look the realm up through isolate data
    scratch.isolate = iso;
    iso->SetData(0, &scratch);
    {
      HandleScope handles(iso);
      Local<Context> ctx = Context::New(iso);
      Context::Scope context_scope(ctx);
      InstallCore(iso, ctx, ops);
      for (int32_t i = 0; i < count; i++) {
        TryCatch tc(iso);
        ScriptOrigin origin(iso, Utf16(iso, names[i], name_lens[i]));
        Local<Script> script;
        if (!Script::Compile(ctx, Utf16(iso, sources[i], source_lens[i]), &origin).ToLocal(&script) ||
            script->Run(ctx).IsEmpty()) {
          Local<Message> m = tc.Message();
          failure = ToU16(iso, tc.Exception()) + u" at " + std::u16string(names[i], name_lens[i]);
          if (!m.IsEmpty()) {
            std::string line = std::to_string(m->GetLineNumber(ctx).FromMaybe(0));
            failure += u":" + std::u16string(line.begin(), line.end());
          }
          *error = failure.data();
          *error_len = (int32_t)failure.size();
          return -1;
        }
      }
      creator.SetDefaultContext(ctx);
    }
    iso->SetData(0, nullptr);
    blob = creator.CreateBlob(SnapshotCreator::FunctionCodeHandling::kKeep);
  }
  if (blob.data == nullptr) {
    failure = u"V8 could not create the snapshot blob";
    *error = failure.data();
    *error_len = (int32_t)failure.size();
    return -1;
  }
  FILE* f = fopen(path, "wb");
  bool written = f != nullptr && fwrite(blob.data, 1, blob.raw_size, f) == (size_t)blob.raw_size;
  if (f != nullptr) fclose(f);
  int32_t size = blob.raw_size;
  delete[] blob.data;
  if (!written) {
    failure = u"cannot write the snapshot file";
    *error = failure.data();
    *error_len = (int32_t)failure.size();
    return -1;
  }
  return size;
}
