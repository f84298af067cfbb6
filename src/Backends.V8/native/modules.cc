// ES modules: the host resolves and loads (C# callbacks); the shim compiles, links and evaluates.
// The whole static graph is loaded before instantiation, so V8's synchronous resolve callback
// only looks modules up. JSON modules are synthetic modules with one "default" export.
#include "realm.h"

namespace dv8 {

static ModuleRecord* FindByUrl(Dv8Realm* rt, const std::u16string& url) {
  for (auto& m : rt->modules)
    if (m->url == url) return m.get();
  return nullptr;
}

static ModuleRecord* FindByModule(Dv8Realm* rt, Local<Module> module) {
  auto it = rt->modules_by_hash.find(module->GetIdentityHash());
  if (it == rt->modules_by_hash.end()) return nullptr;
  for (ModuleRecord* r : it->second)
    if (r->module.Get(rt->isolate) == module) return r;
  return nullptr;
}

// Reads the "type" import assertion. Static requests list (key, value, location) triples,
// dynamic import() (key, value) pairs: stride tells which.
static std::u16string AssertedType(Isolate* iso, Local<Context> ctx, Local<FixedArray> assertions, int stride) {
  if (assertions.IsEmpty()) return u"";
  for (int i = 0; i + 1 < assertions->Length(); i += stride) {
    Local<Value> key = assertions->Get(ctx, i).As<Value>();
    if (ToU16(iso, key) == u"type") return ToU16(iso, assertions->Get(ctx, i + 1).As<Value>());
  }
  return u"";
}

// Asks the host to resolve a specifier; throws a TypeError into V8 on failure.
static bool Resolve(Dv8Realm* rt, const std::u16string& spec, const std::u16string& referrer, std::u16string* out) {
  int32_t rc = g_host.module_resolve(rt->host, spec.data(), (int)spec.size(), referrer.data(), (int)referrer.size(), out);
  if (rc != 0) {
    rt->isolate->ThrowException(Exception::TypeError(Utf16(rt->isolate, out->data(), (int)out->size())));
    return false;
  }
  return true;
}

static MaybeLocal<Value> EvaluateJsonModule(Local<Context> ctx, Local<Module> module) {
  Isolate* iso = ctx->GetIsolate();
  ModuleRecord* rec = FindByModule(RealmOf(iso), module);
  if (rec == nullptr || rec->json.IsEmpty()) {
    iso->ThrowException(Exception::Error(Utf8(iso, "JSON module without a value")));
    return {};
  }
  if (module->SetSyntheticModuleExport(iso, Utf8(iso, "default"), rec->json.Get(iso)).IsNothing()) return {};
  return Undefined(iso);
}

MaybeLocal<Module> LoadModuleGraph(Dv8Realm* rt, Local<Context> ctx, const std::u16string& url, const std::u16string& type) {
  Isolate* iso = rt->isolate;
  if (ModuleRecord* existing = FindByUrl(rt, url)) return existing->module.Get(iso);

  Dv8ModuleSource src{};
  std::u16string error;
  if (g_host.module_load(rt->host, url.data(), (int)url.size(), type.data(), (int)type.size(), &src, &error) != 0) {
    iso->ThrowException(Exception::TypeError(Utf16(iso, error.data(), (int)error.size())));
    return {};
  }
  std::u16string canonical(src.url, src.url_len);
  if (ModuleRecord* existing = FindByUrl(rt, canonical)) return existing->module.Get(iso);

  auto rec = std::make_unique<ModuleRecord>();
  rec->url = canonical;
  Local<String> name = Utf16(iso, rec->url.data(), (int)rec->url.size());
  Local<Module> module;
  if (src.is_json) {
    // Parsed now, so invalid JSON is a SyntaxError at load time, like a JS module's syntax error.
    Local<Value> value, error;
    {
      TryCatch tc(iso);
      if (JSON::Parse(ctx, Utf16(iso, src.source, src.source_len)).ToLocal(&value)) {
        rec->json.Reset(iso, value);
      } else if (tc.HasCaught() && !tc.HasTerminated()) {
        Local<Value> text = tc.Exception().As<Object>()->Get(ctx, Utf8(iso, "message")).FromMaybe(Local<Value>());
        std::u16string message = (text.IsEmpty() ? u"invalid JSON" : ToU16(iso, text)) + u" in JSON module \"" + rec->url + u"\"";
        error = Exception::SyntaxError(Utf16(iso, message.data(), (int)message.size()));
      } else {
        tc.ReThrow();
        return {};
      }
    }  // thrown outside the TryCatch, which would otherwise swallow it
    if (!error.IsEmpty()) {
      iso->ThrowException(error);
      return {};
    }
    std::vector<Local<String>> exports = {Utf8(iso, "default")};
    module = Module::CreateSyntheticModule(iso, name, exports, EvaluateJsonModule);
  } else {
    ScriptOrigin origin(iso, name, 0, 0, false, -1, Local<Value>(), false, false, /*is_module=*/true);
    ScriptCompiler::Source source(Utf16(iso, src.source, src.source_len), origin);
    if (!ScriptCompiler::CompileModule(iso, &source).ToLocal(&module)) return {};
  }
  rec->module.Reset(iso, module);
  rt->modules_by_hash[module->GetIdentityHash()].push_back(rec.get());
  ModuleRecord* self = rec.get();
  rt->modules.push_back(std::move(rec));

  // Load every static dependency now (ECMA-262 §16.2.1.5.1 LoadRequestedModules, done eagerly).
  Local<FixedArray> requests = module->GetModuleRequests();
  for (int i = 0; i < requests->Length(); i++) {
    Local<ModuleRequest> req = requests->Get(ctx, i).As<ModuleRequest>();
    std::u16string spec = ToU16(iso, req->GetSpecifier());
    std::u16string resolved;
    if (!Resolve(rt, spec, self->url, &resolved)) return {};
    std::u16string child_type = AssertedType(iso, ctx, req->GetImportAssertions(), 3);
    Local<Value> augmented;
    {
      TryCatch tc(iso);
      if (!LoadModuleGraph(rt, ctx, resolved, child_type).IsEmpty()) continue;
      if (!tc.HasCaught() || tc.HasTerminated()) { tc.ReThrow(); return {}; }
      // Name the importing statement, as Deno does: "Module not found ...\n    at file:///main.js:1:8".
      // Only the loader's own errors (TypeErrors: not found, bad scheme...) get the location; a dependency's
      // SyntaxError already names its file and line and keeps its class.
      Local<Value> error = tc.Exception();
      Local<Value> text, name;
      if (!error->IsNativeError() || !error.As<Object>()->Get(ctx, Utf8(iso, "name")).ToLocal(&name) ||
          ToU16(iso, name) != u"TypeError" || !error.As<Object>()->Get(ctx, Utf8(iso, "message")).ToLocal(&text)) {
        tc.ReThrow();
        return {};
      }
      std::u16string message = ToU16(iso, text);
      // A loader may already name the referrer ("\n    at file:///main.js"): replace that with the exact spot.
      std::u16string bare_referrer = u"\n    at " + self->url;
      if (message.size() >= bare_referrer.size() &&
          message.compare(message.size() - bare_referrer.size(), bare_referrer.size(), bare_referrer) == 0) {
        message.resize(message.size() - bare_referrer.size());
      }
      if (message.find(u"\n    at ") != std::u16string::npos) { tc.ReThrow(); return {}; }
      Location where = module->SourceOffsetToLocation(req->GetSourceOffset());
      std::string at = ":" + std::to_string(where.GetLineNumber() + 1) + ":" + std::to_string(where.GetColumnNumber() + 1);
      message += bare_referrer + std::u16string(at.begin(), at.end());
      augmented = Exception::TypeError(Utf16(iso, message.data(), (int)message.size()));
    }  // the TryCatch must be gone before throwing, or it would swallow the new exception
    iso->ThrowException(augmented);
    return {};
  }
  return module;
}

static MaybeLocal<Module> ResolveCallback(Local<Context> ctx, Local<String> specifier, Local<FixedArray> assertions,
                                          Local<Module> referrer) {
  Isolate* iso = ctx->GetIsolate();
  Dv8Realm* rt = RealmOf(iso);
  ModuleRecord* from = FindByModule(rt, referrer);
  std::u16string resolved;
  if (!Resolve(rt, ToU16(iso, specifier), from ? from->url : u"", &resolved)) return {};
  return LoadModuleGraph(rt, ctx, resolved, AssertedType(iso, ctx, assertions, 3));
}

static void ResolveWithNamespace(const FunctionCallbackInfo<Value>& info) {
  Local<Context> ctx = info.GetIsolate()->GetCurrentContext();
  Local<Array> data = info.Data().As<Array>();
  Local<Promise::Resolver> resolver = data->Get(ctx, 0).ToLocalChecked().As<Promise::Resolver>();
  resolver->Resolve(ctx, data->Get(ctx, 1).ToLocalChecked()).Check();
}

static void RejectWithReason(const FunctionCallbackInfo<Value>& info) {
  Local<Context> ctx = info.GetIsolate()->GetCurrentContext();
  info.Data().As<Promise::Resolver>()->Reject(ctx, info[0]).Check();
}

// Evaluates a linked module for import() and settles the resolver with its namespace once evaluation
// (which may wait on top-level await) settles. The module must not be evaluating.
static void EvaluateForImport(Isolate* iso, Local<Context> ctx, Local<Module> module, Local<Promise::Resolver> resolver) {
  if (module->GetStatus() == Module::kErrored) {
    resolver->Reject(ctx, module->GetException()).Check();
    return;
  }
  TryCatch tc(iso);
  Local<Value> evaluation;
  if (!module->Evaluate(ctx).ToLocal(&evaluation)) {
    if (!tc.HasTerminated()) resolver->Reject(ctx, tc.Exception()).Check();
    return;
  }
  Local<Array> data = Array::New(iso, 2);
  data->Set(ctx, 0, resolver).Check();
  data->Set(ctx, 1, module->GetModuleNamespace()).Check();
  Local<Function> on_ok = Function::New(ctx, ResolveWithNamespace, data).ToLocalChecked();
  Local<Function> on_error = Function::New(ctx, RejectWithReason, resolver).ToLocalChecked();
  evaluation.As<Promise>()->Then(ctx, on_ok, on_error).ToLocalChecked();
}

// import(): resolves, loads and links synchronously, then evaluates. A module that is still evaluating
// (an import() inside a cycle) cannot be evaluated now (V8 would abort): it waits in deferred_imports.
static MaybeLocal<Promise> DynamicImport(Local<Context> ctx, Local<Data>, Local<Value> resource_name,
                                         Local<String> specifier, Local<FixedArray> assertions) {
  Isolate* iso = ctx->GetIsolate();
  Dv8Realm* rt = RealmOf(iso);
  EscapableHandleScope scope(iso);
  Local<Promise::Resolver> resolver = Promise::Resolver::New(ctx).ToLocalChecked();
  TryCatch tc(iso);
  std::u16string referrer = resource_name.IsEmpty() || resource_name->IsUndefined() ? u"" : ToU16(iso, resource_name);
  std::u16string resolved;
  Local<Module> module;
  bool ok = Resolve(rt, ToU16(iso, specifier), referrer, &resolved) &&
            LoadModuleGraph(rt, ctx, resolved, AssertedType(iso, ctx, assertions, 2)).ToLocal(&module) &&
            (module->GetStatus() != Module::kUninstantiated || module->InstantiateModule(ctx, ResolveCallback).FromMaybe(false));
  if (!ok) {
    if (tc.HasTerminated()) return {};
    Local<Value> reason = tc.HasCaught() ? tc.Exception() : Exception::Error(Utf8(iso, "import failed")).As<Value>();
    resolver->Reject(ctx, reason).Check();
    return scope.Escape(resolver->GetPromise());
  }
  if (module->GetStatus() == Module::kEvaluating) {
    rt->deferred_imports.emplace_back(Global<Module>(iso, module), Global<Promise::Resolver>(iso, resolver));
  } else {
    EvaluateForImport(iso, ctx, module, resolver);
  }
  return scope.Escape(resolver->GetPromise());
}

bool SettleDeferredImports(Dv8Realm* rt, Local<Context> ctx) {
  Isolate* iso = rt->isolate;
  bool progressed = false;
  for (size_t i = 0; i < rt->deferred_imports.size();) {
    Local<Module> module = rt->deferred_imports[i].first.Get(iso);
    if (module->GetStatus() == Module::kEvaluating) { i++; continue; }
    Local<Promise::Resolver> resolver = rt->deferred_imports[i].second.Get(iso);
    rt->deferred_imports.erase(rt->deferred_imports.begin() + i);
    EvaluateForImport(iso, ctx, module, resolver);
    progressed = true;
  }
  return progressed;
}

// import.meta.resolve(specifier): resolution against the module's own URL.
static void ImportMetaResolve(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  std::u16string referrer = ToU16(iso, info.Data());
  std::u16string resolved;
  if (Resolve(RealmOf(iso), ToU16(iso, info[0]), referrer, &resolved))
    info.GetReturnValue().Set(Utf16(iso, resolved.data(), (int)resolved.size()));
}

// import.meta: url, main, filename, dirname, resolve (as Deno).
static void InitializeImportMeta(Local<Context> ctx, Local<Module> module, Local<Object> meta) {
  Isolate* iso = ctx->GetIsolate();
  Dv8Realm* rt = RealmOf(iso);
  ModuleRecord* rec = FindByModule(rt, module);
  if (rec == nullptr) return;
  Local<String> url = Utf16(iso, rec->url.data(), (int)rec->url.size());
  meta->Set(ctx, Utf8(iso, "url"), url).Check();
  meta->Set(ctx, Utf8(iso, "main"), Boolean::New(iso, rec->url == rt->main_module_url)).Check();
  std::u16string filename, dirname;
  g_host.import_meta(rt->host, rec->url.data(), (int)rec->url.size(), &filename, &dirname);
  if (!filename.empty()) {
    meta->Set(ctx, Utf8(iso, "filename"), Utf16(iso, filename.data(), (int)filename.size())).Check();
    meta->Set(ctx, Utf8(iso, "dirname"), Utf16(iso, dirname.data(), (int)dirname.size())).Check();
  }
  Local<Function> resolve = Function::New(ctx, ImportMetaResolve, url).ToLocalChecked();
  meta->Set(ctx, Utf8(iso, "resolve"), resolve).Check();
}

void InstallModuleCallbacks(Isolate* iso) {
  iso->SetHostImportModuleDynamicallyCallback(DynamicImport);
  iso->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
}

}  // namespace dv8

using namespace dv8;

DV8_API int32_t dv8_eval_module(Dv8Realm* rt, const char16_t* url, int32_t url_len, int32_t* promise_id) {
  Enter e(rt);
  Isolate* iso = rt->isolate;
  TryCatch tc(iso);
  std::u16string main(url, url_len);
  if (rt->main_module_url.empty()) rt->main_module_url = main;
  Local<Module> module;
  Local<Value> evaluation;
  if (!LoadModuleGraph(rt, e.context, main, u"").ToLocal(&module) ||
      !module->InstantiateModule(e.context, ResolveCallback).FromMaybe(false) ||
      !module->Evaluate(e.context).ToLocal(&evaluation)) {
    CaptureError(rt, tc);
    RecoverFromTermination(rt);
    return 1;
  }
  int id = rt->next_promise_id++;
  rt->held_promises[id].Reset(iso, evaluation.As<Promise>());
  *promise_id = id;
  return 0;
}

DV8_API void dv8_out_string(void* out, const char16_t* s, int32_t len) {
  static_cast<std::u16string*>(out)->assign(s, len);
}
