// The engine's hidden-class transition tree (src/Engine/Objects/Shape.cs, Shape.Empty) is shared by every
// engine in the process and not thread-safe: realms on two threads at once corrupt it. Until the engine
// fixes that, this assembly's tests run one at a time (each realm is still used from one thread only).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
