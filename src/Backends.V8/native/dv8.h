// dv8: DualEngine's extern "C" surface over V8 10.2 (Debian libnode108).
// Every function here is called from C# (src/Backends.V8/Native/Dv8.cs mirrors these declarations).
// Strings cross as UTF-16 (pointer + length); pointers returned by the shim stay valid until the
// next call on the same realm. No C++ exception and no V8 fatal error may cross this boundary.
#pragma once
#include <cstdint>

#define DV8_API extern "C" __attribute__((visibility("default")))

struct Dv8Realm;

// Value kinds shared with C# (must match OpValueKind in src/Abstractions/Ops/OpValue.cs).
enum Dv8Kind : int32_t {
  kDv8Undefined = 0, kDv8Null = 1, kDv8Boolean = 2, kDv8Number = 3, kDv8String = 4,
  kDv8Bytes = 5, kDv8Json = 6, kDv8BigInt = 7,
  kDv8Object = 100,  // argument only: any other object (read it with dv8_arg_json)
};

// A value passed from C# into JS (op results, promise settlements, hook arguments).
struct Dv8Value {
  int32_t kind;
  int32_t length;       // UTF-16 code units for strings/JSON, bytes for Bytes
  double number;        // Boolean (0/1), Number, BigInt
  const void* data;     // const char16_t* or const uint8_t*
};

// Arguments of one op call, pre-read by the shim so C# reads numbers without crossing back.
enum { kDv8InlineArgs = 6 };
struct Dv8OpFrame {
  const void* info;      // const v8::FunctionCallbackInfo<v8::Value>*
  Dv8Realm* realm;
  int32_t argc;
  int32_t kinds[kDv8InlineArgs];
  double numbers[kDv8InlineArgs];
  // Bit i set: argument i was a Smi, its value is in ints[i] (C# reads it without a double round trip).
  int32_t int_mask;
  int32_t ints[kDv8InlineArgs];
  // Set by C# for Undefined/Null/Boolean/Number results (result_kind -1: nothing set, or set via dv8_set_result).
  int32_t result_kind;
  double result_number;
  // Set by C# to make the call throw after it returns (class name + message, UTF-16).
  const char16_t* throw_class; int32_t throw_class_len;
  const char16_t* throw_message; int32_t throw_message_len;
};

// An error as it leaves JS: every string UTF-16, owned by the realm until its next call.
struct Dv8Error {
  const char16_t* name; int32_t name_len;
  const char16_t* message; int32_t message_len;
  const char16_t* stack; int32_t stack_len;
  const char16_t* file; int32_t file_len;
  const char16_t* source_line; int32_t source_line_len;
  int32_t line, column;     // 1-based; 0 when unknown
  int32_t is_error_object;  // 0 when a non-Error value was thrown
  int32_t terminated;       // 1 = TerminateExecution, 2 = heap limit reached
};

// Results of module callbacks.
struct Dv8ModuleSource {
  const char16_t* url; int32_t url_len;
  const char16_t* source; int32_t source_len;
  int32_t is_json;
};

// Host callbacks (C# [UnmanagedCallersOnly] functions), process wide.
struct Dv8Host {
  // An op was called: opIndex into the realm's op table. C# reads args through dv8_arg_* and sets results.
  void (*op_call)(intptr_t host_realm, int32_t op_index, Dv8OpFrame* frame);
  // Module resolution: returns 0 and writes the resolved URL via dv8_out_string, or 1 with an error message there.
  int32_t (*module_resolve)(intptr_t host_realm, const char16_t* spec, int32_t spec_len,
                            const char16_t* referrer, int32_t referrer_len, void* out);
  // Module load: returns 0 and fills *src (strings pinned by C# until the next load call), or 1 with an error in out.
  int32_t (*module_load)(intptr_t host_realm, const char16_t* url, int32_t url_len,
                         const char16_t* type, int32_t type_len, Dv8ModuleSource* src, void* out);
  // import.meta properties for a module: filename and dirname (empty when not a file: URL), via out strings.
  void (*import_meta)(intptr_t host_realm, const char16_t* url, int32_t url_len, void* out_filename, void* out_dirname);
};

// A typed slow entry (DirectOpInfo in src/Abstractions/Ops/DirectOpCall.cs): arguments converted by the shim
// into 8-byte slots, the result back in slot 0; returns 0, or 1 when the op threw (slots 0-3 then hold the
// error's class chars, length, message chars, length). state is the realm's OpState handle.
enum { kDv8DirectSlots = 8 };
typedef int32_t (*Dv8DirectFn)(intptr_t state, uint64_t* slots);

// One op as the shim installs it. fast_fn/fast_types are null/0 for ops without a fast path; direct_fn
// likewise for ops without a typed slow entry (they are called through op_call).
struct Dv8OpSpec {
  const char16_t* name; int32_t name_len;
  const void* fast_fn;
  int32_t fast_return;          // FastType: 0 void, 1 bool, 2 int32, 3 uint32, 4 float64
  int32_t fast_argc;
  const int32_t* fast_args;     // FastType per argument (receiver excluded)
  Dv8DirectFn direct_fn;
  int32_t direct_return;        // FastType, as above
  int32_t direct_argc;          // at most kDv8DirectSlots
  const int32_t* direct_args;   // FastType per JS argument
};

DV8_API int32_t dv8_initialize(const char* v8_flags, const Dv8Host* host);
DV8_API const char* dv8_version();

// Maps a whole file read-only (the startup snapshot: its pages come from the page cache, with no copy into
// fresh memory); null, with *size 0, when it cannot. dv8_file_unmap releases it.
DV8_API const uint8_t* dv8_file_map(const char* path, int64_t* size);
DV8_API void dv8_file_unmap(const uint8_t* data, int64_t size);

struct Dv8OpTable;

// An op table: the ops a realm installs on __core.ops, and the external references a snapshot made
// with it needs. A snapshot must be loaded with a table built from the same specs in the same order
// (external references are positional). Tables live as long as the process.
DV8_API Dv8OpTable* dv8_op_table_new(const Dv8OpSpec* ops, int32_t count);

// snapshot: may be null (then bootstrap runs from source); not copied, so it must stay valid until
// dv8_realm_dispose (V8Engine maps the snapshot file with dv8_file_map). heap_limit: bytes, 0 for V8's default.
// op_state: the handle typed slow entries get as their state argument.
DV8_API Dv8Realm* dv8_realm_new(intptr_t host_realm, intptr_t op_state, Dv8OpTable* ops, const uint8_t* snapshot, int32_t snapshot_len,
                                double heap_limit);
DV8_API void dv8_realm_dispose(Dv8Realm* rt);
DV8_API int32_t dv8_realm_from_snapshot(Dv8Realm* rt);

// 0 ok; 1 exception (read it with dv8_last_error).
DV8_API int32_t dv8_eval_script(Dv8Realm* rt, const char16_t* src, int32_t len, const char16_t* name, int32_t name_len);
DV8_API int32_t dv8_eval_module(Dv8Realm* rt, const char16_t* url, int32_t url_len, int32_t* promise_id);
// 0 fulfilled, 1 rejected (error via dv8_last_error), 2 pending, -1 unknown.
DV8_API int32_t dv8_promise_status(Dv8Realm* rt, int32_t promise_id);
DV8_API int32_t dv8_settle(Dv8Realm* rt, int32_t promise_id, const Dv8Value* value,
                           const char16_t* err_class, int32_t err_class_len);
// 0 called (*truthy = ToBoolean of its result), 1 it threw (dv8_last_error), 2 no such hook.
DV8_API int32_t dv8_call_hook(Dv8Realm* rt, const char16_t* name, int32_t name_len, const Dv8Value* args, int32_t argc,
                              int32_t* truthy);
DV8_API int32_t dv8_run_microtasks(Dv8Realm* rt);
// Offers the oldest unhandled rejections to the "unhandledRejection" hook (promise, reason), which
// returns true when a listener handled it. The first one not handled goes to last_error and 0 is
// returned (also when the hook itself threw); 1 when none is left.
DV8_API int32_t dv8_take_unhandled_rejection(Dv8Realm* rt);
DV8_API const Dv8Error* dv8_last_error(Dv8Realm* rt);
DV8_API void dv8_terminate(Dv8Realm* rt);
DV8_API double dv8_heap_used(Dv8Realm* rt);

// Op-call accessors (valid only inside op_call).
DV8_API int32_t dv8_arg_kind(Dv8OpFrame* f, int32_t i);
DV8_API double dv8_arg_number(Dv8OpFrame* f, int32_t i);
DV8_API int32_t dv8_arg_boolean(Dv8OpFrame* f, int32_t i);  // ToBoolean
DV8_API const char16_t* dv8_arg_string(Dv8OpFrame* f, int32_t i, int32_t* len);
DV8_API const char16_t* dv8_arg_json(Dv8OpFrame* f, int32_t i, int32_t* len);
DV8_API const uint8_t* dv8_arg_bytes(Dv8OpFrame* f, int32_t i, int32_t* len);
DV8_API void dv8_set_result(Dv8OpFrame* f, const Dv8Value* value);
DV8_API int32_t dv8_create_promise(Dv8OpFrame* f);

// Writes a UTF-16 string into an out parameter handed to a host callback.
DV8_API void dv8_out_string(void* out, const char16_t* s, int32_t len);

// Snapshot: creates a blob with the ops installed and the bootstrap scripts run; written to path.
// Returns the blob size, or -1 with the error in *error (UTF-16 string owned by the shim).
DV8_API int32_t dv8_snapshot_create(Dv8OpTable* ops, const char16_t* const* names, const int32_t* name_lens,
                                    const char16_t* const* sources, const int32_t* source_lens, int32_t count,
                                    const char* path, const char16_t** error, int32_t* error_len);
