using DualEngine.Abstractions.Engines;
using DualEngine.Engine;

namespace DualEngine.Backends.Managed;

/// <summary>ES modules: the engine loads, links and evaluates; <see cref="ManagedModuleHost"/> bridges to the runtime's loader.</summary>
internal sealed partial class ManagedRealm
{
    public PromiseHandle EvaluateModule(string url)
    {
        CheckAlive();
        _moduleHost.MainUrl ??= url;
        JsValue promise = default;
        Guard(() => promise = _realm.EvaluateModule(url));
        int id = _nextPromiseId++;
        _heldPromises[id] = promise;
        return new PromiseHandle(id);
    }

    internal void RememberSource(string url, string source) => _errors.Remember(url, source);

    /// <summary>JSON.parse's error message for invalid JSON text, or null when it parses.</summary>
    internal string? JsonError(string text)
    {
        try
        {
            _realm.ParseJson(text);
            return null;
        }
        catch (JsEngineException e) when (!e.IsTermination)
        {
            return e.JsMessage;
        }
    }

    /// <summary>ToString of a value (may run JS); a throw becomes a host-visible JS throw.</summary>
    internal string ToText(JsValue value) => value.IsString ? value.AsString() : _realm.Call(_helpers.ToText, JsValue.Undefined, value).AsString();
}
