// Linked into the NativeAOT dualrt only (see Cli.csproj). Loading libdv8.so, and with it Debian's libnode
// (built with BIND_NOW: ~56k symbol relocations, 20-30 ms), then initializing V8, is the longest step of dualrt's
// start. This starts both on a thread of its own from an ELF constructor, as soon as the executable is mapped,
// instead of from Main (V8Engine.BeginInitialize, which the JIT builds still use) ~5 ms later.
//
// One constraint shapes it: while dlopen runs, glibc holds its TLS lock (dl_load_tls_lock), and creating a
// thread needs that lock. The .NET runtime creates a thread of its own as it starts (measured: the thread that
// loads first makes .NET's start wait for the whole load). So the load begins once that thread exists, and the
// managed side creates no thread for V8 when this preload runs (see Program.cs). Only the C library is used here.
#include <dlfcn.h>
#include <fcntl.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace {

char g_path[4096];
int g_started;

// The process's thread count, from /proc/self/stat (field 20); 0 when it cannot be read.
int ThreadCount() {
  char buffer[1024];
  int fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buffer, sizeof buffer - 1);
  close(fd);
  if (n <= 0) return 0;
  buffer[n] = '\0';
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis (field 3 on).
  char* p = strrchr(buffer, ')');
  if (p == nullptr) return 0;
  for (int field = 2; field < 20 && p != nullptr; field++) p = strchr(p + 1, ' ');
  return p == nullptr ? 0 : atoi(p + 1);
}

void* Load(void*) {
  // Wait (at most ~10 ms, polling every 0.2 ms) until the .NET runtime has created its first thread: this one
  // and the main thread make two. If it never does, the load starts anyway; nothing waits for this thread.
  for (int i = 0; i < 50 && ThreadCount() < 3; i++) {
    timespec pause{0, 200 * 1000};
    nanosleep(&pause, nullptr);
  }
  // The handle is never closed: the library stays for the process, as .NET's own load of it does.
  void* library = dlopen(g_path, RTLD_LAZY);
  if (library == nullptr) return nullptr;
  // V8's process-wide set-up (platform, flags); the host's own dv8_initialize then only adds its callbacks.
  // dualrt passes no V8 flags, so none are lost by initializing first.
  using Initialize = int (*)(const char*, const void*);
  if (auto initialize = reinterpret_cast<Initialize>(dlsym(library, "dv8_initialize"))) initialize("", nullptr);
  return nullptr;
}

// The managed engine needs no V8 (same test as EngineFactory.ManagedRequested).
bool ManagedRequested(int argc, char** argv) {
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--engine=managed") == 0) return true;
    if (strcmp(argv[i], "--engine") == 0 && i + 1 < argc && strcmp(argv[i + 1], "managed") == 0) return true;
  }
  return false;
}

// glibc passes (argc, argv, envp) to the executable's constructors.
__attribute__((constructor)) void PreloadV8(int argc, char** argv, char**) {
  if (argv == nullptr || ManagedRequested(argc, argv)) return;
  // libdv8.so sits beside the executable, where .NET's DllImport("dv8") finds it too.
  ssize_t n = readlink("/proc/self/exe", g_path, sizeof g_path - 16);
  if (n <= 0) return;
  g_path[n] = '\0';
  char* slash = strrchr(g_path, '/');
  if (slash == nullptr) return;
  strcpy(slash + 1, "libdv8.so");
  if (access(g_path, R_OK) != 0) return;
  // The .NET runtime registers for private expedited membarrier as it starts (FlushProcessWriteBuffers). Done
  // in a process that already has a second thread, the kernel waits for an RCU grace period first (measured:
  // ~10 ms). Registering here, while this is still the only thread, is immediate, and .NET's own registration
  // then finds it done. If the kernel lacks the call, .NET falls back as it would anyway.
  syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t thread;
  g_started = pthread_create(&thread, &attr, Load, nullptr) == 0;
  pthread_attr_destroy(&attr);
}

}  // namespace

// Whether the preload thread was started (Program.cs then starts no V8 thread of its own). A direct call: the
// symbol is linked into the executable (DirectPInvoke in Cli.csproj).
extern "C" int dualrt_native_preload_started() { return g_started; }
