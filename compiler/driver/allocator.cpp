// The executable's allocator settings. `icp` links mimalloc, which replaces
// malloc/free for the whole process (libicp.so leaves its host's allocator
// alone). Three defaults differ from mimalloc's; MIMALLOC_* environment
// variables still override them.
//
// - large_os_pages: back the heap with transparent huge pages where the
//   kernel allows them (THP "always" or "madvise"; elsewhere mimalloc
//   silently uses normal pages). A parse of a 5,000-line model allocates
//   ~25 MB of small objects (tokens, ANTLR contexts, the AST). With 4 KiB
//   pages that is thousands of page faults, most of `icp check`'s time on
//   a VM; with 2 MiB pages it is a dozen (bench/check_speed.py).
// - eager_commit_delay 0: the same from a thread's first segment (the
//   language server compiles on a worker thread).
// - allow_decommit off: keep freed memory instead of returning it to the OS
//   25 ms later. The language server frees a whole program after each
//   compile and builds the next one a keystroke later; giving the memory
//   back meant faulting it in again on every change (bench/lsp_latency.py).
//   A server's resident size therefore stays at its peak.
//
// The options must be set before mimalloc maps its first segment, which
// happens in the shared libraries' static constructors, long before main():
// hence .preinit_array, which the dynamic loader runs before any of them.
// mi_option_set_default only stores a value; it needs no initialised heap.
#include <mimalloc.h>

namespace {
void configure_allocator(int, char**, char**) {
  mi_option_set_default(mi_option_large_os_pages, 1);
  mi_option_set_default(mi_option_eager_commit_delay, 0);
  mi_option_set_default(mi_option_allow_decommit, 0);
}
}  // namespace

__attribute__((section(".preinit_array"), used)) static void (*const icp_preinit_allocator)(
    int, char**, char**) = &configure_allocator;
