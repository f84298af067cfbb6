// More ECMAScript realms in the same isolate, for test262's $262.createRealm (INTERPRETING.md):
// __core.v8.createRealm() makes a new context and returns its global object; objects pass freely
// between the realms (same security token), as between a page and its iframes.
// __core.v8.evalScriptIn(global, source) runs a classic script in the realm that global belongs to;
// a throw leaves as that realm's error object, which is what tests of cross-realm behaviour check.
// The runtime's bootstrap deletes __core, so scripts run by dualrt never see these.
#include "realm.h"

namespace dv8 {

static void CreateRealm(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  Local<Context> current = iso->GetCurrentContext();
  Local<Context> created = Context::New(iso);
  created->SetSecurityToken(current->GetSecurityToken());
  // The new global keeps its context alive for as long as a script can reach it.
  info.GetReturnValue().Set(created->Global());
}

static void EvalScriptIn(const FunctionCallbackInfo<Value>& info) {
  Isolate* iso = info.GetIsolate();
  if (info.Length() < 2 || !info[0]->IsObject() || !info[1]->IsString()) {
    iso->ThrowException(Exception::TypeError(Utf8(iso, "evalScriptIn(global, source) expects an object and a string")));
    return;
  }
  Local<Context> target;
  if (!info[0].As<Object>()->GetCreationContext().ToLocal(&target)) {
    iso->ThrowException(Exception::TypeError(Utf8(iso, "evalScriptIn: the object belongs to no realm")));
    return;
  }
  Context::Scope scope(target);
  ScriptOrigin origin(iso, Utf8(iso, "evalScript.js"));
  Local<Script> script;
  Local<Value> result;
  // A compile or run failure has already scheduled the exception on the isolate: it propagates to the caller.
  if (!Script::Compile(target, info[1].As<String>(), &origin).ToLocal(&script)) return;
  if (script->Run(target).ToLocal(&result)) info.GetReturnValue().Set(result);
}

void InstallRealmFunctions(Isolate* iso, Local<Context> ctx, Local<Object> core) {
  Local<Object> v8 = Object::New(iso);
  v8->Set(ctx, Utf8(iso, "createRealm"), FunctionTemplate::New(iso, CreateRealm)->GetFunction(ctx).ToLocalChecked()).Check();
  v8->Set(ctx, Utf8(iso, "evalScriptIn"), FunctionTemplate::New(iso, EvalScriptIn)->GetFunction(ctx).ToLocalChecked()).Check();
  core->Set(ctx, Utf8(iso, "v8"), v8).Check();
}

void AddRealmFunctionReferences(std::vector<intptr_t>& refs) {
  refs.push_back(reinterpret_cast<intptr_t>(&CreateRealm));
  refs.push_back(reinterpret_cast<intptr_t>(&EvalScriptIn));
}

}  // namespace dv8
