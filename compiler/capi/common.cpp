// icp_free and icp_version.
#include <cstdlib>

#include "capi_internal.h"

#ifndef ICP_VERSION
#define ICP_VERSION "0.1.0"
#endif

extern "C" {

void icp_free(void* p) { std::free(p); }

const char* icp_version(void) { return ICP_VERSION; }

}  // extern "C"
