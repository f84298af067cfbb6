// Value and error conversion between the C# side (UTF-16, Dv8Value, Dv8Error) and V8.
#include "realm.h"

namespace dv8 {

Local<String> Utf16(Isolate* iso, const char16_t* s, int len) {
  Local<String> out;
  if (!String::NewFromTwoByte(iso, reinterpret_cast<const uint16_t*>(s), NewStringType::kNormal, len).ToLocal(&out))
    return String::Empty(iso);  // only fails above String::kMaxLength
  return out;
}

Local<String> Utf8(Isolate* iso, const char* s) {
  return String::NewFromUtf8(iso, s, NewStringType::kNormal).ToLocalChecked();
}

std::u16string ToU16(Isolate* iso, Local<Value> v) {
  Local<String> s;
  if (v.IsEmpty()) return u"";
  if (v->IsString()) {
    s = v.As<String>();
  } else {
    // A Symbol or an object whose toString throws must not escape as an exception here.
    TryCatch tc(iso);
    if (v->IsSymbol() || !v->ToString(iso->GetCurrentContext()).ToLocal(&s)) return v->IsSymbol() ? u"Symbol()" : u"<unprintable>";
  }
  std::u16string out(s->Length(), u'\0');
  s->Write(iso, reinterpret_cast<uint16_t*>(out.data()), 0, (int)out.size(), String::NO_NULL_TERMINATION);
  return out;
}

MaybeLocal<Value> FromDv8(Isolate* iso, Local<Context> ctx, const Dv8Value& v) {
  switch (v.kind) {
    case kDv8Null: return Null(iso);
    case kDv8Boolean: return Boolean::New(iso, v.number != 0).As<Value>();
    case kDv8Number: return Number::New(iso, v.number).As<Value>();
    case kDv8BigInt: return BigInt::New(iso, (int64_t)v.number).As<Value>();
    case kDv8String: return Utf16(iso, static_cast<const char16_t*>(v.data), v.length).As<Value>();
    case kDv8Bytes: {
      auto store = ArrayBuffer::NewBackingStore(iso, v.length);
      if (v.length > 0) memcpy(store->Data(), v.data, v.length);
      auto buffer = ArrayBuffer::New(iso, std::move(store));
      return Uint8Array::New(buffer, 0, v.length).As<Value>();
    }
    case kDv8Json:
      return JSON::Parse(ctx, Utf16(iso, static_cast<const char16_t*>(v.data), v.length));
    default: return Undefined(iso);
  }
}

static Local<Value> BuiltinError(Isolate* iso, const std::u16string& cls, Local<String> msg, bool* found) {
  *found = true;
  if (cls == u"TypeError") return Exception::TypeError(msg);
  if (cls == u"RangeError") return Exception::RangeError(msg);
  if (cls == u"SyntaxError") return Exception::SyntaxError(msg);
  if (cls == u"ReferenceError") return Exception::ReferenceError(msg);
  if (cls == u"Error") return Exception::Error(msg);
  *found = false;
  return Exception::Error(msg);
}

Local<Value> MakeError(Isolate* iso, Local<Context> ctx, const std::u16string& cls, const std::u16string& msg) {
  Local<String> message = Utf16(iso, msg.data(), (int)msg.size());
  bool builtin;
  Local<Value> err = BuiltinError(iso, cls, message, &builtin);
  if (builtin) return err;
  // Runtime classes (Deno.errors.NotFound, ...) come from JS: __core.setErrorFactory((name, msg) => new X(msg)).
  Local<Function> factory;
  if (FindHook(iso, ctx, "$errorFactory").ToLocal(&factory)) {
    TryCatch tc(iso);
    Local<Value> args[] = {Utf16(iso, cls.data(), (int)cls.size()), message};
    Local<Value> made;
    if (factory->Call(ctx, Undefined(iso), 2, args).ToLocal(&made) && !made->IsUndefined()) return made;
  }
  // No factory or it does not know the class: an Error whose name is the class, so it still reads right.
  if (err->IsObject())
    err.As<Object>()->Set(ctx, Utf8(iso, "name"), Utf16(iso, cls.data(), (int)cls.size())).Check();
  return err;
}

static std::u16string StringProperty(Isolate* iso, Local<Context> ctx, Local<Object> o, const char* key) {
  TryCatch tc(iso);  // getters may throw; the error report must not
  Local<Value> v;
  if (!o->Get(ctx, Utf8(iso, key)).ToLocal(&v) || v->IsUndefined()) return u"";
  return ToU16(iso, v);
}

static void Publish(Dv8Realm* rt) {
  Dv8Error& e = rt->last_error;
  e.name = rt->err_name.data(); e.name_len = (int)rt->err_name.size();
  e.message = rt->err_message.data(); e.message_len = (int)rt->err_message.size();
  e.stack = rt->err_stack.data(); e.stack_len = (int)rt->err_stack.size();
  e.file = rt->err_file.data(); e.file_len = (int)rt->err_file.size();
  e.source_line = rt->err_source_line.data(); e.source_line_len = (int)rt->err_source_line.size();
}

void SetSimpleError(Dv8Realm* rt, const std::u16string& name, const std::u16string& message) {
  rt->err_name = name; rt->err_message = message;
  rt->err_stack.clear(); rt->err_file.clear(); rt->err_source_line.clear();
  rt->last_error.line = rt->last_error.column = 0;
  rt->last_error.is_error_object = 1;
  rt->last_error.terminated = 0;
  Publish(rt);
}

void CaptureValue(Dv8Realm* rt, Local<Value> exception, Local<Message> message) {
  Isolate* iso = rt->isolate;
  Local<Context> ctx = iso->GetCurrentContext();
  rt->err_stack.clear(); rt->err_file.clear(); rt->err_source_line.clear();
  rt->last_error.line = rt->last_error.column = 0;
  rt->last_error.terminated = 0;
  if (exception->IsNativeError()) {
    Local<Object> o = exception.As<Object>();
    rt->err_name = StringProperty(iso, ctx, o, "name");
    rt->err_message = StringProperty(iso, ctx, o, "message");
    rt->err_stack = StringProperty(iso, ctx, o, "stack");
    rt->last_error.is_error_object = 1;
  } else {
    rt->err_name = u"";
    rt->err_message = ToU16(iso, exception);
    if (exception->IsString()) rt->err_message = u"\"" + rt->err_message + u"\"";  // as Deno prints a thrown string
    // Other values print as the runtime's inspect shows them (Deno: "Uncaught { code: 42 }"), when it has one.
    Local<Function> inspect;
    if (exception->IsObject() && FindHook(iso, ctx, "inspect").ToLocal(&inspect)) {
      TryCatch tc(iso);
      Local<Value> args[] = {exception};
      Local<Value> shown;
      if (inspect->Call(ctx, Undefined(iso), 1, args).ToLocal(&shown) && shown->IsString()) rt->err_message = ToU16(iso, shown);
    }
    rt->last_error.is_error_object = 0;
  }
  if (!message.IsEmpty()) {
    rt->err_file = ToU16(iso, message->GetScriptResourceName());
    rt->last_error.line = message->GetLineNumber(ctx).FromMaybe(0);
    rt->last_error.column = message->GetStartColumn(ctx).FromMaybe(-1) + 1;
    Local<String> src;
    if (message->GetSourceLine(ctx).ToLocal(&src)) rt->err_source_line = ToU16(iso, src);
  }
  Publish(rt);
}

void CaptureError(Dv8Realm* rt, TryCatch& tc) {
  if (tc.HasTerminated() || !tc.CanContinue()) {
    bool oom = rt->oom.exchange(false);
    SetSimpleError(rt, oom ? u"OutOfMemory" : u"Terminated",
                   oom ? u"JavaScript heap out of memory (heap limit reached)" : u"Script execution was terminated");
    rt->last_error.terminated = oom ? 2 : 1;
    return;
  }
  if (!tc.HasCaught()) {
    SetSimpleError(rt, u"Error", u"unknown error");
    return;
  }
  // Deno shows where an Error was created (its stack's top frame), not the throw statement: use the
  // error's own stack for the location. Compile-time SyntaxErrors have no such frame; keep V8's message.
  Local<Value> exception = tc.Exception();
  Local<Message> message = tc.Message();
  if (exception->IsNativeError() && !message.IsEmpty()) {
    Local<Message> created = Exception::CreateMessage(rt->isolate, exception);
    if (created->GetLineNumber(rt->isolate->GetCurrentContext()).FromMaybe(0) > 0) message = created;
  }
  CaptureValue(rt, exception, message);
}

bool RecoverFromTermination(Dv8Realm* rt) {
  if (!rt->isolate->IsExecutionTerminating() && rt->last_error.terminated == 0) return false;
  rt->isolate->CancelTerminateExecution();
  return true;
}

}  // namespace dv8
