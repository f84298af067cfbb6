// Promises: async-op promises settled by id, module-evaluation promises polled by id, the
// microtask checkpoint, and rejection tracking (HTML's "unhandled promise rejections").
#include "realm.h"

namespace dv8 {

// ECMA-262 §27.2.1.9 HostPromiseRejectionTracker: "reject" without handler, then "handle".
static void OnPromiseReject(PromiseRejectMessage message) {
  Local<Promise> promise = message.GetPromise();
  Isolate* iso = promise->GetIsolate();
  Dv8Realm* rt = RealmOf(iso);
  switch (message.GetEvent()) {
    case kPromiseRejectWithNoHandler:
      rt->unhandled.emplace_back(Global<Promise>(iso, promise), Global<Value>(iso, message.GetValue()));
      break;
    case kPromiseHandlerAddedAfterReject:
      for (auto it = rt->unhandled.begin(); it != rt->unhandled.end(); ++it) {
        if (it->first.Get(iso) == promise) {
          rt->unhandled.erase(it);
          return;
        }
      }
      for (auto it = rt->reported.begin(); it != rt->reported.end(); ++it) {
        if (it->first.Get(iso) == promise) {
          rt->handled_later.emplace_back(std::move(it->first), std::move(it->second));
          rt->reported.erase(it);
          return;
        }
      }
      break;
    default:
      break;  // resolve-after-resolved and reject-after-resolved are not errors here
  }
}

// Uncaught exceptions inside microtasks (e.g. a queueMicrotask callback that throws) reach
// V8's message listeners, not a TryCatch: keep the first for the checkpoint to report.
static void OnMessage(Local<Message> message, Local<Value> error) {
  Isolate* iso = message->GetIsolate();
  Dv8Realm* rt = RealmOf(iso);
  if (rt == nullptr || rt->microtask_error.has_value()) return;
  rt->microtask_error.emplace(iso, error);
  rt->microtask_message.emplace(iso, message);
}

void InstallPromiseCallbacks(Isolate* iso) {
  iso->SetPromiseRejectCallback(OnPromiseReject);
  iso->AddMessageListenerWithErrorLevel(OnMessage, Isolate::kMessageError);
}

// Fills last_error from a rejection reason, taking the location from the error's own stack.
static void CaptureReason(Dv8Realm* rt, Local<Value> reason) {
  Local<Message> message = Exception::CreateMessage(rt->isolate, reason);
  CaptureValue(rt, reason, message);
}

}  // namespace dv8

using namespace dv8;

DV8_API int32_t dv8_promise_status(Dv8Realm* rt, int32_t promise_id) {
  Enter e(rt);
  auto it = rt->held_promises.find(promise_id);
  if (it == rt->held_promises.end()) return -1;
  Local<Promise> promise = it->second.Get(rt->isolate);
  switch (promise->State()) {
    case Promise::kPending: return 2;
    case Promise::kFulfilled: return 0;
    default:
      CaptureReason(rt, promise->Result());
      return 1;
  }
}

DV8_API int32_t dv8_settle(Dv8Realm* rt, int32_t promise_id, const Dv8Value* value,
                           const char16_t* err_class, int32_t err_class_len) {
  Enter e(rt);
  auto it = rt->resolvers.find(promise_id);
  if (it == rt->resolvers.end()) return -1;
  Isolate* iso = rt->isolate;
  Local<Promise::Resolver> resolver = it->second.Get(iso);
  rt->resolvers.erase(it);
  TryCatch tc(iso);
  if (err_class != nullptr) {
    std::u16string message(static_cast<const char16_t*>(value->data), value->length);
    Local<Value> error = MakeError(iso, e.context, std::u16string(err_class, err_class_len), message);
    resolver->Reject(e.context, error).Check();
    return 0;
  }
  Local<Value> v;
  if (!FromDv8(iso, e.context, *value).ToLocal(&v)) {  // malformed JSON from an op: reject, don't lose it
    resolver->Reject(e.context, tc.HasCaught() ? tc.Exception() : Undefined(iso).As<Value>()).Check();
    return 0;
  }
  resolver->Resolve(e.context, v).Check();
  return 0;
}

DV8_API int32_t dv8_run_microtasks(Dv8Realm* rt) {
  Enter e(rt);
  Isolate* iso = rt->isolate;
  TryCatch tc(iso);
  rt->microtask_error.reset();
  do {
    iso->PerformMicrotaskCheckpoint();
  } while (!tc.HasTerminated() && !iso->IsExecutionTerminating() && SettleDeferredImports(rt, e.context));
  if (tc.HasTerminated() || iso->IsExecutionTerminating()) {
    CaptureError(rt, tc);
    RecoverFromTermination(rt);
    return 1;
  }
  if (rt->microtask_error.has_value()) {
    CaptureValue(rt, rt->microtask_error->Get(iso), rt->microtask_message->Get(iso));
    rt->microtask_error.reset();
    rt->microtask_message.reset();
    return 1;
  }
  return 0;
}

DV8_API int32_t dv8_take_unhandled_rejection(Dv8Realm* rt) {
  Enter e(rt);
  Isolate* iso = rt->isolate;
  while (!rt->handled_later.empty()) {
    Local<Promise> promise = rt->handled_later.front().first.Get(iso);
    Local<Value> reason = rt->handled_later.front().second.Get(iso);
    rt->handled_later.pop_front();
    Local<Function> hook;
    if (!FindHook(iso, e.context, "rejectionHandled").ToLocal(&hook)) continue;
    TryCatch tc(iso);
    Local<Value> args[] = {promise, reason};
    if (hook->Call(e.context, Undefined(iso), 2, args).IsEmpty()) {
      CaptureError(rt, tc);
      RecoverFromTermination(rt);
      return 0;
    }
  }
  while (!rt->unhandled.empty()) {
    Local<Promise> promise = rt->unhandled.front().first.Get(iso);
    Local<Value> reason = rt->unhandled.front().second.Get(iso);
    rt->unhandled.pop_front();
    Local<Function> hook;
    if (!FindHook(iso, e.context, "unhandledRejection").ToLocal(&hook)) {
      CaptureReason(rt, reason);
      return 0;
    }
    TryCatch tc(iso);
    Local<Value> args[] = {promise, reason};
    Local<Value> handled;
    if (!hook->Call(e.context, Undefined(iso), 2, args).ToLocal(&handled)) {
      CaptureError(rt, tc);
      RecoverFromTermination(rt);
      return 0;
    }
    if (!handled->BooleanValue(iso)) {
      CaptureReason(rt, reason);
      return 0;
    }
    rt->reported.emplace_back(Global<Promise>(iso, promise), Global<Value>(iso, reason));
  }
  return 1;
}
